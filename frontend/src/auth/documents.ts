import { graphql } from '../gql';

export const RefreshMutation = graphql(`
  mutation RefreshToken($input: RefreshTokenInput!) {
    refreshToken(input: $input) {
      accessToken
      refreshToken
      expiresIn
      errors { field code message params }
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      user { id email name role team { id name } }
      permissions { type rowScope writeScope actions fields { field access } }
    }
  }
`);

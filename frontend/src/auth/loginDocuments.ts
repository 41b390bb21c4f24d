import { graphql } from '../gql-login';

// Generated into src/gql-login/ (codegen.ts), apart from every other document: the login page
// loads only these two.
export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      expiresIn
      user { id email role }
      errors { field code message params }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout($input: LogoutInput!) {
    logout(input: $input) { errors { field code message params } }
  }
`);

import { graphql } from '../../gql-users';

export const UsersAdminQuery = graphql(`
  query UsersAdmin($first: Int!) {
    users(first: $first) {
      totalCount
      edges { node { id name email role isActive team { id name } } }
    }
    teams { id name manager { id name } parent { id name } }
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) { user { id email } inviteLink errors { field code message params } }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) { user { id name role team { id name } } errors { field code message params } }
  }
`);

export const DisableUserMutation = graphql(`
  mutation DisableUser($input: IdInput!) {
    disableUser(input: $input) { user { id isActive } errors { field code message params } }
  }
`);

export const EnableUserMutation = graphql(`
  mutation EnableUser($input: IdInput!) {
    enableUser(input: $input) { user { id isActive } errors { field code message params } }
  }
`);

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($input: IdInput!) {
    resetUserPassword(input: $input) { user { id } resetLink errors { field code message params } }
  }
`);

export const CreateTeamMutation = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) { team { id name } errors { field code message params } }
  }
`);

export const UpdateTeamMutation = graphql(`
  mutation UpdateTeam($input: UpdateTeamInput!) {
    updateTeam(input: $input) { team { id name manager { id name } parent { id name } } errors { field code message params } }
  }
`);

import i18n from '../../i18n';

// The page's own texts load with its chunk (admins only); the menu label stays in the app's
// locale files.
export const en = {
  users: {
    usersTab: 'Users', teamsTab: 'Teams', name: 'Name', email: 'Email', role: 'Role', team: 'Team', active: 'Status',
    isActive: 'Active', isDisabled: 'Disabled', invite: 'Invite a user', inviteTitle: 'Invite a user', noTeam: 'No team',
    linkTitle: 'Copy the link', inviteLinkHint: 'No email is sent yet: give this link to the person. It works once and expires in 7 days.',
    resetLinkHint: 'Give this link to the person: with it they set a new password. It works once and expires in 1 day.',
    link: 'Link', done: 'Done', edit: 'Edit', editTitle: 'Edit user', disable: 'Disable', enable: 'Enable',
    disableConfirm: 'Their sessions end at once and they can no longer sign in. Disable this user?',
    enableConfirm: 'Let this user sign in again?', resetPassword: 'Reset password', disabled: 'User disabled', enabled: 'User enabled',
    saved: 'Saved', newTeam: 'New team', teamTitle: 'Team', teamName: 'Team name', manager: 'Manager', parent: 'Parent team',
    noManager: 'No manager', noParent: 'No parent (a top team)', invited: 'Invitation created',
  },
};

export const zhCN: typeof en = {
  users: {
    usersTab: '用户', teamsTab: '团队', name: '姓名', email: '邮箱', role: '角色', team: '团队', active: '状态',
    isActive: '启用', isDisabled: '已停用', invite: '邀请用户', inviteTitle: '邀请用户', noTeam: '无团队',
    linkTitle: '复制链接', inviteLinkHint: '系统暂不发送邮件：请将此链接发给对方。链接只能使用一次，7 天后失效。',
    resetLinkHint: '请将此链接发给对方，用于设置新密码。链接只能使用一次，1 天后失效。',
    link: '链接', done: '完成', edit: '编辑', editTitle: '编辑用户', disable: '停用', enable: '启用',
    disableConfirm: '停用后其所有会话立即失效，且无法再登录。确定停用该用户？',
    enableConfirm: '允许该用户重新登录？', resetPassword: '重置密码', disabled: '已停用该用户', enabled: '已启用该用户',
    saved: '已保存', newTeam: '新建团队', teamTitle: '团队', teamName: '团队名称', manager: '负责人', parent: '上级团队',
    noManager: '无负责人', noParent: '无（顶级团队）', invited: '已创建邀请',
  },
};

i18n.addResourceBundle('en', 'translation', en, true, false);
i18n.addResourceBundle('zh-CN', 'translation', zhCN, true, false);

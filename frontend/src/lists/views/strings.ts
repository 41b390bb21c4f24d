import i18n from 'i18next';

/**
 * The Views menu's text. It loads with the menu (after the list), so its strings are added to
 * the app's translations then, rather than weighing on every route's first load.
 */
const zhCN = {
  title: '视图', save: '保存当前视图为…', manage: '管理我的视图…', name: '视图名称', namePlaceholder: '例如：华东 A 级客户',
  share: '共享给团队', shareHint: '工作区里的每个人都能在此列表的“视图”中看到它', makeDefault: '设为我的默认视图',
  mine: '我的视图', shared: '团队共享', saved: '已保存视图“{{name}}”', applied: '已打开视图“{{name}}”', deleted: '已删除视图“{{name}}”',
  renamed: '已重命名', none: '还没有保存的视图', default: '默认', isDefault: '默认视图', setDefault: '设为默认', unsetDefault: '取消默认',
  delete: '删除', deleteConfirm: '删除视图“{{name}}”？', by: '来自 {{owner}}', nameRequired: '请输入视图名称', sharedTag: '共享',
};
const en: typeof zhCN = {
  title: 'Views', save: 'Save current view as…', manage: 'Manage my views…', name: 'View name', namePlaceholder: 'e.g. East A customers',
  share: 'Share with the team', shareHint: 'Everyone in the workspace sees it in this list’s Views menu', makeDefault: 'Make it my default view',
  mine: 'My views', shared: 'Shared with the team', saved: 'View “{{name}}” saved', applied: 'Opened view “{{name}}”', deleted: 'View “{{name}}” deleted',
  renamed: 'Renamed', none: 'No saved views yet', default: 'Default', isDefault: 'Default view', setDefault: 'Make default', unsetDefault: 'Not default',
  delete: 'Delete', deleteConfirm: 'Delete the view “{{name}}”?', by: 'by {{owner}}', nameRequired: 'Enter a name for the view', sharedTag: 'Shared',
};

export const VIEW_STRINGS = { 'zh-CN': zhCN, en };

export function addViewStrings(): void {
  for (const [lang, strings] of Object.entries(VIEW_STRINGS)) {
    if (!i18n.exists('views.title', { lng: lang, fallbackLng: false })) i18n.addResourceBundle(lang, 'translation', { views: strings }, true, false);
  }
}

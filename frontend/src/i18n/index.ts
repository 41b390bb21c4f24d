import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { TFunction } from 'i18next';
import { zhCN, type Translations } from './zh-CN';
import { en } from './en';

export type AppLanguage = 'zh-CN' | 'en';
export const LANGUAGES: AppLanguage[] = ['zh-CN', 'en'];
export const LANGUAGE_STORAGE_KEY = 'crm.lang';

export function storedLanguage(): AppLanguage {
  try {
    const v = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (v === 'en' || v === 'zh-CN') return v;
  } catch {
    /* storage unavailable: fall back to the default */
  }
  return 'zh-CN';
}

/** Switch the whole app: app text (i18next); dates (i18n/dayjs.ts), antd and ECharts follow i18n.language. */
export async function setLanguage(lang: AppLanguage): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    /* not remembered, still switched */
  }
  await i18n.changeLanguage(lang);
}

/** `<html lang>` follows the language: screen readers, fonts (CJK glyphs) and hyphenation use it. */
function syncDocumentLanguage(lang: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

const initial = storedLanguage();
syncDocumentLanguage(initial);
i18n.on('languageChanged', syncDocumentLanguage);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;

type EnumLabels = Translations['enums'];
// The names after EnumLabels' own: labels brought by a page's chunk (src/pages/<page>/texts.ts).
export type EnumName = keyof EnumLabels | 'WebhookEventType' | 'WebhookDeliveryStatus' | 'JobStatus'
  | 'JobSortField' | 'WorkflowObjectType' | 'WorkflowRunStatus'
  | 'LeadScoringKind' | 'LeadScoringField' | 'LeadScoringOperator' | 'LifecycleChangeReason'
  | 'ApprovalRequestStatus' | 'ApprovalRuleKind' | 'ApprovalApproverSource' | 'ApprovalStepMode' | 'ApprovalDecisionKind';

/**
 * The label of a value of one of the schema's enums (`enumLabel(t, 'OrderStatus', 'SHIPPED')`).
 * Audit records hold values as stored (lowercase): they are matched case-insensitively; an
 * unknown value is shown as it came rather than as a missing-key path.
 */
export function enumLabel(t: TFunction, name: EnumName, value: unknown): string {
  if (value == null || value === '') return '';
  const v = String(value).toUpperCase();
  return t(`enums.${name}.${v}`, { defaultValue: String(value) });
}

/** A role's name in the user's language (roles are strings: a workspace may add its own). */
export function roleLabel(t: TFunction, role: string | null | undefined): string {
  if (!role) return '';
  return t(`roles.${role}`, { defaultValue: role });
}


import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { TFunction } from 'i18next';
import { zhCN, type Translations } from './zh-CN';

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

/**
 * The English texts, fetched when English is chosen: Chinese is the default and the fallback,
 * so most users never download the second language, and every first load is lighter by it.
 */
async function loadEnglish(): Promise<void> {
  if (i18n.hasResourceBundle('en', 'translation')) return;
  const { en } = await import('./en');
  i18n.addResourceBundle('en', 'translation', en);
}

/** Switch the whole app: app text (i18next); dates (i18n/dayjs.ts), antd and ECharts follow i18n.language. */
export async function setLanguage(lang: AppLanguage): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    /* not remembered, still switched */
  }
  if (lang === 'en') await loadEnglish();
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
  resources: { 'zh-CN': { translation: zhCN } },
  // English arrives by loadEnglish(); until then nothing renders (main.tsx waits for i18nReady).
  partialBundledLanguages: true,
  lng: initial === 'en' ? 'zh-CN' : initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Resolved once the stored language's texts are in: the app renders after it, in that language. */
export const i18nReady: Promise<void> = initial === 'en'
  ? loadEnglish().then(() => i18n.changeLanguage('en')).then(() => undefined)
  : Promise.resolve();

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


/** Words a user reads for the catalogue's codes, in the interface's language (common.json). */
import type { IsoClass, RevealTool, Severity, TellCategory } from '../domain/catalogue';
import { i18n } from '../i18n/i18n';

export const categoryLabel = (c: string) => i18n.t(`common:category.${c}`, { defaultValue: c });
export const tellCategoryLabel = (c: TellCategory) => i18n.t(`common:tellCategory.${c}`);
export const toolLabel = (t: RevealTool) => i18n.t(`common:tool.${t}`);
export const isoLabel = (c: IsoClass) => i18n.t(`common:iso.${c}`);
export const severityLabel = (s: Severity) => i18n.t(`common:severity.${s}`);

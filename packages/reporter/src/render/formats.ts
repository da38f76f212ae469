import { csvFormat } from './csv.js';
import type { ReportFormat } from './format.js';
import { htmlFormat } from './html.js';
import { markdownFormat } from './markdown.js';

/** The report files every run writes beside results.json, in this order. */
export const REPORT_FORMATS: readonly ReportFormat[] = Object.freeze([markdownFormat, htmlFormat, csvFormat]);

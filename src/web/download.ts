import type { Response } from 'express';
import { slugOf } from '../core/names/normalise.js';

/** Returns a safe download file name: a slug of the title, a suffix and the extension ("cho-tae-yeol-criticizes.xliff12.xlf"). */
export function downloadName(title: string, suffix: string, extension: string): string {
  const base = slugOf(title).slice(0, 60).replace(/-+$/, '') || 'export';
  return `${base}${suffix ? `.${suffix}` : ''}.${extension}`;
}

/** Sends a file as a download with its media type. */
export function sendDownload(res: Response, file: { body: string; contentType: string }, name: string): void {
  res.type(file.contentType);
  res.attachment(name);
  res.send(file.body);
}

/** The article folder's public face: raw text or bytes in, segments out. */
export { parseArticle } from './parse-article.js';
export {
  decodeArticleInput,
  decodeArticleText,
  MAX_ARTICLE_BYTES,
  BINARY_CONTROL_SHARE,
  type DecodeResult,
  type DecodeFailureReason,
  type DecodeOptions,
} from './decode-input.js';
export { BOILERPLATE_LINES, isBoilerplateLine, type ChromeContext } from './boilerplate.js';
export { isPhotoCreditLine, findPhotoCredit, type CreditPlacement } from './photo-credit.js';
export { SEGMENT_KINDS, type SegmentKind, type ParsedSegment, type ParsedArticle } from './types.js';

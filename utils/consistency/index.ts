/**
 * Message consistency, pure functions: what messaging a contact saw
 * (`messagingExposure`), whether a draft stays on message (`checkDraft`), and a lint of the
 * messaging library (`lintLibrary`). No browser APIs: they run in the content script, the
 * background, extension pages and plain Node tests.
 */
export {
  checkDraft,
  compileMessaging,
  type AvoidedPhraseHit,
  type CheckDraftOptions,
  type ClaimKind,
  type CompiledMessaging,
  type CoveredTalkingPoint,
  type DraftCheck,
  type DraftLocation,
  type OutdatedClaim,
  type SuggestedTalkingPoint,
} from './check-draft';
export {
  exposureTouches,
  messagingExposure,
  type ExposureConflict,
  type ExposureEntry,
  type ExposureOptions,
  type ExposureRoute,
  type ExposureRouteKind,
} from './exposure';
export { findConflicts, type MessagingConflict } from './conflicts';
export { lintLibrary, type LintFinding, type LintKind, type LintOptions } from './library-lint';
export { type Excerpt } from './normalize';

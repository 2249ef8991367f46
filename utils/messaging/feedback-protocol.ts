/**
 * Messages of feedback from reps to marketing and its delivery queue (issue 7). Part of `ProtocolMap` (protocol.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeedbackProtocol {}

/**
 * The audit export's verification core, shared with the CLI verifier (libs/read-models audit/proof):
 * pure code over WebCrypto, so the browser checks an export itself and uploads nothing.
 */
export { parseAnchors, verifyRecord, type RecordVerification, type VerifyRecordOptions } from '../../../../libs/read-models/src/audit/proof/verify-record';
export { anchorVerifier, parsePublicKey } from '../../../../libs/read-models/src/audit/proof/anchor-key';

// Package fastdecode holds the fast paths of hubrules.DecodeJSONLimited:
// decoders written by hand for the input types that are decoded at volume
// (a street's register of 社会组织 event logs, 事件记录, read line by line),
// beside the general decoder's reflection (its strict scan, encoding/json,
// then validator).
//
// A fast path accepts only the plain form of its type's JSON — the keys it
// knows, each once and spelt exactly, strings without escapes, whole
// numbers, values within the limits and the type's validation rules — and
// decodes it to exactly the value the general decoder gives. On anything
// else it reports false and leaves the value unchanged: the general decoder
// then decodes the same bytes and words every error. Errors therefore never
// depend on the fast path, and results never do either; each fast path has
// a differential test against the general decoder on the same bytes.
package fastdecode

package hubrules

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"reflect"

	"github.com/hubrules/hubrules/internal/clone"
)

// Version is the library's version, recorded in every AuditRecord.
const Version = "0.1.0"

// AuditRecord is a self-contained record of one decision, so that a later
// audit can prove which rules and which parameter values decided it: the
// library version, the parameter set's version and effective dates, a
// digest of the input (not the input itself, which may hold personal data;
// see InputDigest and InputDigestKeyed), the outcome and the rules that
// fired.
type AuditRecord struct {
	Library     string     `json:"library"`
	RuleSet     string     `json:"rule_set"`
	Programme   Programme  `json:"programme"`
	AsOf        Date       `json:"as_of"`
	Effective   Date       `json:"effective"`
	InputDigest string     `json:"input_digest"`
	Compliant   bool       `json:"compliant"`
	RulesFired  []string   `json:"rules_fired"`
	Checked     []string   `json:"checked"`
	Params      []ParamRef `json:"params,omitempty"`
}

// NewAuditRecord builds the audit record of report, decided on input, with
// the parameters identified by ruleSet (for example "hub@"+the digest of the
// parameter file, see ParamSet.Digest). Its InputDigest is InputDigest(input):
// over the input with its personal fields removed, so the record cannot
// confirm a guessed name. Use NewAuditRecordKeyed for a digest that also
// binds the personal fields.
func NewAuditRecord(input any, report Report, ruleSet string) (AuditRecord, error) {
	digest, err := InputDigest(input)
	if err != nil {
		return AuditRecord{}, err
	}
	return newAuditRecord(digest, report, ruleSet), nil
}

// NewAuditRecordKeyed is NewAuditRecord with InputDigestKeyed(input, key):
// the digest covers the whole input, personal fields included, and only a
// holder of key can check a guess against it. Keep key secret and apart from
// the records.
func NewAuditRecordKeyed(input any, report Report, ruleSet string, key []byte) (AuditRecord, error) {
	digest, err := InputDigestKeyed(input, key)
	if err != nil {
		return AuditRecord{}, err
	}
	return newAuditRecord(digest, report, ruleSet), nil
}

func newAuditRecord(digest string, report Report, ruleSet string) AuditRecord {
	rec := AuditRecord{
		Library: "github.com/hubrules/hubrules@" + Version, RuleSet: ruleSet,
		Programme: report.Basis.Programme, AsOf: report.Basis.AsOf, Effective: report.Basis.Effective,
		InputDigest: digest, Compliant: report.Compliant(), RulesFired: report.FailedRules(),
		Params: report.Basis.Params,
	}
	if rec.RulesFired == nil {
		rec.RulesFired = []string{}
	}
	seen := map[string]bool{}
	rec.Checked = []string{}
	for _, c := range report.Checks {
		if !seen[c.Rule] {
			seen[c.Rule] = true
			rec.Checked = append(rec.Checked, c.Rule)
		}
	}
	return rec
}

// InputDigest returns "sha256:" and the hex SHA-256 of the canonical JSON
// (CanonicalJSON) of v with every personal field removed (Mask(v,
// MaskRemove, nil)). An unsalted hash of the personal fields would let
// anyone who knows the rest of the input confirm a guessed name from a few
// tries; without them the digest says nothing about the person, and two
// inputs that differ only in personal fields have the same digest. Personal
// fields are known by their struct tags: a map holding the same JSON as a
// struct has the digest of that struct with its personal fields removed.
func InputDigest(v any) (string, error) {
	b, err := CanonicalJSON(Mask(v, MaskRemove, nil))
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:]), nil
}

// InputDigestKeyed returns "hmac-sha256:" and the hex HMAC-SHA-256 under key
// of v's canonical JSON, personal fields included: it tells inputs apart by
// every field, and without key no guess can be checked against it. An empty
// key is an *InputError (an HMAC without a key is a plain hash).
func InputDigestKeyed(v any, key []byte) (string, error) {
	if len(key) == 0 {
		return "", NewInputError(FieldError{Path: "key", Code: "required",
			Message: T("摘要密钥为空", "the digest key is empty")})
	}
	b, err := CanonicalJSON(v)
	if err != nil {
		return "", err
	}
	h := hmac.New(sha256.New, key)
	h.Write(b)
	return "hmac-sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

// CanonicalJSON returns v as JSON with object keys sorted, no insignificant
// whitespace and numbers kept as written.
func CanonicalJSON(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, NewInputError(FieldError{Code: "marshal", Message: T("无法序列化为 JSON："+err.Error(), "cannot be marshalled to JSON: "+err.Error())})
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var generic any
	if err := dec.Decode(&generic); err != nil {
		return nil, NewInputError(FieldError{Code: "marshal", Message: T("JSON 无法规范化："+err.Error(), "JSON cannot be canonicalized: "+err.Error())})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(generic); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// Masking says what Mask does with fields marked personal.
type Masking int

const (
	// MaskHash replaces a personal string with "masked:" and a stable
	// salted hash (HMAC-SHA-256 with the salt, 16 hex digits), so records
	// of one person can still be joined without showing who it is.
	MaskHash Masking = iota
	// MaskRemove replaces a personal field with its zero value.
	MaskRemove
)

// Mask returns a deep copy of v in which every string held by a field
// tagged `hubrules:"personal"` — names, ID-card numbers, phone numbers,
// political status — is hashed or removed. It follows nested structs,
// pointers, slices, arrays, maps and interface values; a struct field
// tagged personal has every string inside it masked. v itself is not
// modified. A value that contains itself (through a pointer, a slice or a
// map) is copied with the same shape: where the input refers back to a
// pointer, slice (same array and length) or map already being copied, the
// copy refers to that pointer's, slice's or map's copy. Something reached both
// inside and outside a personal field is copied twice, masked and not. Rule inputs need counts, forms, dates and IDs; mark anything else
// personal and mask results and audit records before they are stored or
// logged, as OPA masks its decision logs.
func Mask[T any](v T, how Masking, salt []byte) T {
	m := masker{how: how, salt: salt}
	c := clone.Copier{Marked: func(f reflect.StructField) bool { return isPersonal(f.Tag) }, String: m.str, ZeroMarked: how == MaskRemove}
	return c.Copy(reflect.ValueOf(&v).Elem()).Interface().(T)
}

type masker struct {
	how  Masking
	salt []byte
}

func (m *masker) str(s string) string {
	if s == "" || m.how == MaskRemove {
		return ""
	}
	h := hmac.New(sha256.New, m.salt)
	h.Write([]byte(s))
	return "masked:" + hex.EncodeToString(h.Sum(nil))[:16]
}

// Digest returns "sha256:" and the hex SHA-256 of the parameter file the set
// was parsed from (for an overlay, of both files in order): the rule-set
// version an AuditRecord names.
func (s *ParamSet) Digest() string { return s.digest }

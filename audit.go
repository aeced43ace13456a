package hubrules

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"reflect"
)

// Version is the library's version, recorded in every AuditRecord.
const Version = "0.1.0"

// AuditRecord is a self-contained record of one decision, so that a later
// audit can prove which rules and which parameter values decided it: the
// library version, the parameter set's version and effective dates, the
// SHA-256 digest of the input's canonical JSON (not the input itself, which
// may hold personal data), the outcome and the rules that fired.
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
// parameter file, see ParamSet.Digest).
func NewAuditRecord(input any, report Report, ruleSet string) (AuditRecord, error) {
	digest, err := InputDigest(input)
	if err != nil {
		return AuditRecord{}, err
	}
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
	return rec, nil
}

// InputDigest returns "sha256:" and the hex SHA-256 of v's canonical JSON:
// v is marshalled, read back as generic JSON and marshalled again, so object
// keys are sorted and insignificant whitespace is gone. The same input gives
// the same digest whatever struct or map it came from.
func InputDigest(v any) (string, error) {
	b, err := CanonicalJSON(v)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:]), nil
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
	m := masker{how: how, salt: salt, seen: map[maskRef]reflect.Value{}}
	rv := reflect.ValueOf(&v).Elem()
	out := reflect.New(rv.Type()).Elem()
	m.value(out, rv, false)
	return out.Interface().(T)
}

type masker struct {
	how  Masking
	salt []byte
	// seen maps a pointer, slice or map already copied (or being copied)
	// to its copy, so that cycles end.
	seen map[maskRef]reflect.Value
}

// maskRef identifies a pointer, slice or map: its address, its type (a
// struct and its first field share an address), for a slice its length,
// and whether it is copied as personal (a value reached both through a
// personal field and another one is copied twice, masked and not).
type maskRef struct {
	addr     uintptr
	typ      reflect.Type
	n        int
	personal bool
}

// copied returns the copy of src already made, if any.
func (m *masker) copied(dst, src reflect.Value, n int, personal bool) (maskRef, bool) {
	ref := maskRef{addr: src.Pointer(), typ: src.Type(), n: n, personal: personal}
	if c, ok := m.seen[ref]; ok {
		dst.Set(c)
		return ref, true
	}
	return ref, false
}

func (m *masker) str(s string) string {
	if s == "" || m.how == MaskRemove {
		return ""
	}
	h := hmac.New(sha256.New, m.salt)
	h.Write([]byte(s))
	return "masked:" + hex.EncodeToString(h.Sum(nil))[:16]
}

func (m *masker) value(dst, src reflect.Value, personal bool) {
	switch src.Kind() {
	case reflect.String:
		if personal {
			dst.SetString(m.str(src.String()))
			return
		}
		dst.Set(src)
	case reflect.Struct:
		t := src.Type()
		dst.Set(src)
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			p := personal || isPersonal(f.Tag)
			if m.how == MaskRemove && p && src.Field(i).Kind() != reflect.String {
				dst.Field(i).Set(reflect.Zero(f.Type))
				continue
			}
			m.value(dst.Field(i), src.Field(i), p)
		}
	case reflect.Pointer:
		if src.IsNil() {
			dst.Set(src)
			return
		}
		ref, ok := m.copied(dst, src, 0, personal)
		if ok {
			return
		}
		n := reflect.New(src.Type().Elem())
		m.seen[ref] = n
		m.value(n.Elem(), src.Elem(), personal)
		dst.Set(n)
	case reflect.Slice:
		if src.IsNil() {
			dst.Set(src)
			return
		}
		ref, ok := m.copied(dst, src, src.Len(), personal)
		if ok {
			return
		}
		n := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		if src.Len() > 0 {
			m.seen[ref] = n
		}
		for i := 0; i < src.Len(); i++ {
			m.value(n.Index(i), src.Index(i), personal)
		}
		dst.Set(n)
	case reflect.Array:
		for i := 0; i < src.Len(); i++ {
			m.value(dst.Index(i), src.Index(i), personal)
		}
	case reflect.Map:
		if src.IsNil() {
			dst.Set(src)
			return
		}
		ref, ok := m.copied(dst, src, 0, personal)
		if ok {
			return
		}
		n := reflect.MakeMapWithSize(src.Type(), src.Len())
		m.seen[ref] = n
		it := src.MapRange()
		for it.Next() {
			k := reflect.New(src.Type().Key()).Elem()
			m.value(k, it.Key(), personal)
			v := reflect.New(src.Type().Elem()).Elem()
			m.value(v, it.Value(), personal)
			n.SetMapIndex(k, v)
		}
		dst.Set(n)
	case reflect.Interface:
		if src.IsNil() {
			dst.Set(src)
			return
		}
		inner := src.Elem()
		c := reflect.New(inner.Type()).Elem()
		m.value(c, inner, personal)
		dst.Set(c)
	default:
		dst.Set(src)
	}
}

// Digest returns "sha256:" and the hex SHA-256 of the parameter file the set
// was parsed from (for an overlay, of both files in order): the rule-set
// version an AuditRecord names.
func (s *ParamSet) Digest() string { return s.digest }

package hub

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hubrules/hubrules"
)

// MaxTermYears is the longest term a YearsRule may hold.
const MaxTermYears = 20

// YearsRule is a term length in whole years as a rule states it: one
// number (“每届任期5年”), a range (“三年至五年”, any whole number of years
// from Min to Max) or a set of allowed values (“两年或三年”). In a
// parameter file and in JSON it is written in one of three forms: a plain
// integer 5, {min: 3, max: 5}, or {allowed: [2, 3]}. The zero YearsRule
// is no rule (a parameter not in force); Valid reports whether a rule is
// usable. HUB-TERM-01 holds a body's own elected term against it, and
// without one reports the election due at the shortest term and overdue
// past the longest.
type YearsRule struct {
	// Min and Max are the shortest and longest term allowed (equal for a
	// single number).
	Min, Max int
	// Allowed lists the allowed terms of a set, ascending; nil for a
	// single number or a range.
	Allowed []int
}

// Years returns the rule of a single term of n years.
func Years(n int) YearsRule { return YearsRule{Min: n, Max: n} }

// YearsRange returns the rule of any term from min to max years.
func YearsRange(min, max int) YearsRule { return YearsRule{Min: min, Max: max} }

// YearsSet returns the rule of the allowed terms given (sorted, duplicates
// dropped).
func YearsSet(allowed ...int) YearsRule {
	a := slices.Clone(allowed)
	slices.Sort(a)
	a = slices.Compact(a)
	r := YearsRule{Allowed: a}
	if len(a) > 0 {
		r.Min, r.Max = a[0], a[len(a)-1]
	}
	return r
}

// IsZero reports whether r is the zero rule (no term).
func (r YearsRule) IsZero() bool { return r.Min == 0 && r.Max == 0 && r.Allowed == nil }

// Fixed reports whether r allows one term only.
func (r YearsRule) Fixed() bool { return r.Min == r.Max }

// Valid reports whether r is a usable rule: 1 ≤ Min ≤ Max ≤ MaxTermYears,
// and a set's values ascending and distinct with Min and Max its ends.
func (r YearsRule) Valid() bool {
	if r.Min < 1 || r.Max < r.Min || r.Max > MaxTermYears {
		return false
	}
	if r.Allowed == nil {
		return true
	}
	if len(r.Allowed) == 0 || r.Allowed[0] != r.Min || r.Allowed[len(r.Allowed)-1] != r.Max {
		return false
	}
	for i := 1; i < len(r.Allowed); i++ {
		if r.Allowed[i] <= r.Allowed[i-1] {
			return false
		}
	}
	return true
}

// Allows reports whether a term of n years meets r.
func (r YearsRule) Allows(n int) bool {
	if r.Allowed != nil {
		return slices.Contains(r.Allowed, n)
	}
	return n >= r.Min && n <= r.Max
}

// Describe says the rule in lang: "5 年", "3—5 年", "2 或 3 年" /
// "5 years", "3–5 years", "2 or 3 years".
func (r YearsRule) Describe(lang hubrules.Lang) string {
	var zh, en string
	switch {
	case len(r.Allowed) > 1:
		parts := make([]string, len(r.Allowed))
		for i, n := range r.Allowed {
			parts[i] = strconv.Itoa(n)
		}
		zh = strings.Join(parts, " 或 ") + " 年"
		en = strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1] + " years"
	case r.Fixed():
		zh, en = strconv.Itoa(r.Min)+" 年", strconv.Itoa(r.Min)+" years"
	default:
		zh, en = strconv.Itoa(r.Min)+"—"+strconv.Itoa(r.Max)+" 年", strconv.Itoa(r.Min)+"–"+strconv.Itoa(r.Max)+" years"
	}
	return hubrules.T(zh, en).In(lang)
}

// String returns the rule in its JSON form ("5", {"min":3,"max":5},
// {"allowed":[2,3]}).
func (r YearsRule) String() string {
	b, _ := r.MarshalJSON()
	return string(b)
}

type yearsForm struct {
	Min     *int  `json:"min,omitempty" yaml:"min"`
	Max     *int  `json:"max,omitempty" yaml:"max"`
	Allowed []int `json:"allowed,omitempty" yaml:"allowed"`
}

// MarshalJSON writes a single term as a number, a range as {"min","max"}
// and a set as {"allowed"}.
func (r YearsRule) MarshalJSON() ([]byte, error) {
	switch {
	case r.Allowed != nil:
		return json.Marshal(yearsForm{Allowed: r.Allowed})
	case r.Fixed():
		return []byte(strconv.Itoa(r.Min)), nil
	}
	return json.Marshal(yearsForm{Min: &r.Min, Max: &r.Max})
}

// UnmarshalJSON reads any of the three forms MarshalJSON writes.
func (r *YearsRule) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] != '{' {
		var n int
		if err := json.Unmarshal(data, &n); err != nil {
			return errYearsForm
		}
		*r = Years(n)
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f yearsForm
	if err := dec.Decode(&f); err != nil {
		return errYearsForm
	}
	return r.set(f)
}

// UnmarshalYAML reads a parameter file's value in any of the three forms.
func (r *YearsRule) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		var v int
		if err := n.Decode(&v); err != nil {
			return errYearsForm
		}
		*r = Years(v)
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return errYearsForm
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; k != "min" && k != "max" && k != "allowed" {
			return errYearsForm
		}
	}
	var f yearsForm
	if err := n.Decode(&f); err != nil {
		return errYearsForm
	}
	return r.set(f)
}

var errYearsForm = errors.New("want a whole number of years, {min: 3, max: 5} or {allowed: [2, 3]}")

func (r *YearsRule) set(f yearsForm) error {
	switch {
	case f.Allowed != nil && f.Min == nil && f.Max == nil:
		if len(f.Allowed) == 0 || len(f.Allowed) > MaxTermYears {
			return errYearsForm
		}
		*r = YearsSet(f.Allowed...)
	case f.Allowed == nil && f.Min != nil && f.Max != nil:
		*r = YearsRange(*f.Min, *f.Max)
	default:
		return errYearsForm
	}
	return nil
}

// JSONSchema is the schema of the three forms (hubrules.JSONSchemer).
func (YearsRule) JSONSchema() map[string]any {
	years := func() map[string]any {
		return map[string]any{"type": "integer", "minimum": 1, "maximum": MaxTermYears}
	}
	return map[string]any{
		"description": "任期年数：一个整数（5）、范围 {min, max}（三年至五年）或允许值集合 {allowed}（两年或三年） / a term in years: one integer (5), a range {min, max} (three to five years) or a set of allowed values {allowed} (two or three years)",
		"oneOf": []any{
			years(),
			map[string]any{"type": "object", "additionalProperties": false, "required": []any{"min", "max"},
				"properties": map[string]any{"min": years(), "max": years()}},
			map[string]any{"type": "object", "additionalProperties": false, "required": []any{"allowed"},
				"properties": map[string]any{"allowed": map[string]any{"type": "array", "minItems": 1, "maxItems": MaxTermYears, "items": years()}}},
		},
	}
}

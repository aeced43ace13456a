package hub

import (
	"encoding/json"
	"strconv"

	"github.com/hubrules/hubrules"
)

// Rate is an exact fraction with its percentage rounded half-up (四舍五入)
// to one decimal, computed in integers. In JSON it is
// {"numerator":14,"denominator":32,"percent":"43.8"}: the percentage is a
// string with exactly one decimal, so that no float ever carries it. With a
// zero denominator the rate is undefined and "percent" is null.
type Rate struct {
	Numerator   int `json:"numerator"`
	Denominator int `json:"denominator"`
}

// NewRate returns num/den.
func NewRate(num, den int) Rate { return Rate{Numerator: num, Denominator: den} }

// Defined reports whether the denominator is positive.
func (r Rate) Defined() bool { return r.Denominator > 0 }

// Tenths returns the percentage in tenths of a percent, rounded half-up:
// 14/32 = 43.75 % → 438. An undefined rate is 0.
func (r Rate) Tenths() int {
	if r.Denominator <= 0 {
		return 0
	}
	n, d := int64(r.Numerator), int64(r.Denominator)
	neg := n < 0
	if neg {
		n = -n
	}
	t := (n*2000 + d) / (2 * d)
	if neg {
		t = -t
	}
	return int(t)
}

// Percent returns the percentage with one decimal ("43.8"), or "" when the
// rate is undefined.
func (r Rate) Percent() string {
	if !r.Defined() {
		return ""
	}
	return formatTenths(r.Tenths())
}

// String returns "14/32 = 43.8%" (or "0/0" when undefined).
func (r Rate) String() string {
	s := strconv.Itoa(r.Numerator) + "/" + strconv.Itoa(r.Denominator)
	if r.Defined() {
		s += " = " + r.Percent() + "%"
	}
	return s
}

// MarshalJSON writes numerator, denominator and the percent string.
func (r Rate) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 64)
	b = append(b, `{"numerator":`...)
	b = strconv.AppendInt(b, int64(r.Numerator), 10)
	b = append(b, `,"denominator":`...)
	b = strconv.AppendInt(b, int64(r.Denominator), 10)
	b = append(b, `,"percent":`...)
	if r.Defined() {
		b = append(b, '"')
		b = append(b, r.Percent()...)
		b = append(b, '"')
	} else {
		b = append(b, "null"...)
	}
	return append(b, '}'), nil
}

func formatTenths(t int) string {
	neg := t < 0
	if neg {
		t = -t
	}
	s := strconv.Itoa(t/10) + "." + strconv.Itoa(t%10)
	if neg {
		s = "-" + s
	}
	return s
}

// parseTenths reads a percentage with at most one decimal ("75", "75.0",
// "7.5") as tenths of a percent.
func parseTenths(s string) (int, bool) {
	if s == "" || len(s) > 8 {
		return 0, false
	}
	whole, frac := s, ""
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			whole, frac = s[:i], s[i+1:]
			break
		}
	}
	if whole == "" || len(frac) > 1 || (len(frac) == 0 && len(whole) != len(s)) {
		return 0, false
	}
	w, err := strconv.Atoi(whole)
	if err != nil || w < 0 || whole[0] == '+' {
		return 0, false
	}
	f := 0
	if frac != "" {
		if frac[0] < '0' || frac[0] > '9' {
			return 0, false
		}
		f = int(frac[0] - '0')
	}
	return w*10 + f, true
}

// UnmarshalJSON reads the form MarshalJSON writes. The percent is checked
// against the fraction, so a hand-edited file cannot disagree with itself.
func (r *Rate) UnmarshalJSON(b []byte) error {
	var v struct {
		Numerator   int     `json:"numerator"`
		Denominator int     `json:"denominator"`
		Percent     *string `json:"percent"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	got := Rate{Numerator: v.Numerator, Denominator: v.Denominator}
	if v.Percent != nil && *v.Percent != got.Percent() {
		return hubrules.NewInputError(hubrules.FieldError{Path: "percent", Code: "percent", Value: *v.Percent, Param: got.Percent(),
			Message: hubrules.T("百分比与分数不一致，应为 "+got.Percent(), "the percent does not match the fraction; want "+got.Percent())})
	}
	*r = got
	return nil
}

// JSONSchema is the JSON Schema of what MarshalJSON writes
// (hubrules.JSONSchemer): the fraction and its percent with one decimal,
// null when the denominator is 0.
func (Rate) JSONSchema() map[string]any {
	return map[string]any{"type": "object", "additionalProperties": false,
		"required": []string{"numerator", "denominator", "percent"},
		"properties": map[string]any{
			"numerator":   map[string]any{"type": "integer"},
			"denominator": map[string]any{"type": "integer"},
			"percent":     map[string]any{"type": []string{"string", "null"}, "pattern": `^-?[0-9]+\.[0-9]$`},
		}}
}

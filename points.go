package hubrules

import (
	"reflect"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Points is a score in tenths of a point, so that Shanghai's 0.5 and 3.5
// are exact: Points(35) is 3.5 points. Scores never pass through floats.
// In JSON and YAML a Points is written as a quoted decimal string with at
// most one decimal ("3.5", "950"); a bare JSON or YAML integer is accepted
// too, a bare fraction is read from its text, never as a float.
type Points int64

// maxPoints bounds any score so that sums of thousands of items never
// overflow: one billion points.
const maxPoints Points = 10_000_000_000

// Pt returns whole points as Points: Pt(950) is 950 points.
func Pt(whole int64) Points { return Points(whole * 10) }

// ParsePoints reads "3.5", "950", "0.5", "-2" (a leading minus is read, the
// callers decide whether it is allowed). More than one non-zero decimal, an
// exponent, or anything else is an *InputError.
func ParsePoints(s string) (Points, error) {
	bad := func() (Points, error) {
		v := s
		if len(v) > 64 {
			v = v[:64]
		}
		return 0, NewInputError(FieldError{Code: "points", Value: v,
			Message: T("分值应为最多一位小数的十进制数（如 \"3.5\"）："+v,
				"points must be a decimal with at most one decimal place (like \"3.5\"): "+v)})
	}
	if s == "" || len(s) > 24 {
		return bad()
	}
	neg := false
	i := 0
	if s[0] == '-' {
		neg = true
		i = 1
	}
	var whole int64
	digits := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		whole = whole*10 + int64(s[i]-'0')
		digits++
		if digits > 11 {
			return bad()
		}
	}
	if digits == 0 {
		return bad()
	}
	tenth := int64(0)
	if i < len(s) {
		if s[i] != '.' || i == len(s)-1 {
			return bad()
		}
		i++
		tenth = int64(s[i] - '0')
		if s[i] < '0' || s[i] > '9' {
			return bad()
		}
		for i++; i < len(s); i++ {
			if s[i] != '0' {
				return bad()
			}
		}
	}
	p := Points(whole*10 + tenth)
	if p > maxPoints {
		return bad()
	}
	if neg {
		p = -p
	}
	return p, nil
}

// MustPoints is ParsePoints for literals; it panics on a malformed literal.
func MustPoints(s string) Points {
	p, err := ParsePoints(s)
	if err != nil {
		panic(err)
	}
	return p
}

// String writes the points with one decimal only when needed: "3.5", "950".
func (p Points) String() string {
	return string(p.appendTo(nil))
}

func (p Points) appendTo(b []byte) []byte {
	v := int64(p)
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, v/10, 10)
	if r := v % 10; r != 0 {
		b = append(b, '.', byte('0'+r))
	}
	return b
}

// MarshalJSON writes the points as a quoted decimal string.
func (p Points) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 16)
	b = append(b, '"')
	b = p.appendTo(b)
	return append(b, '"'), nil
}

// UnmarshalJSON reads a quoted decimal string or a bare number, from its
// text.
func (p *Points) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	v, err := ParsePoints(s)
	if err != nil {
		return ValueError(string(b), reflect.TypeOf(Points(0)))
	}
	*p = v
	return nil
}

// JSONFormat says what points look like in JSON (FormatDescriber).
func (Points) JSONFormat() Text {
	return T("分值须写作最多一位小数的十进制数，如 \"3.5\"", "points must be a decimal with at most one decimal place, like \"3.5\"")
}

// MarshalText writes the decimal text.
func (p Points) MarshalText() ([]byte, error) { return p.appendTo(nil), nil }

// UnmarshalYAML reads a scalar's text (quoted or an integer).
func (p *Points) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return NewInputError(FieldError{Code: "points",
			Message: T("分值应为标量", "points must be a scalar")})
	}
	v, err := ParsePoints(n.Value)
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// JSONSchema is the JSON Schema of points (JSONSchemer): a quoted decimal
// with at most one decimal place ("3.5", "950"), or a bare JSON number with
// at most one decimal place. The decoder reads a bare number from its text,
// so it also refuses an exponent (1e2), which JSON Schema cannot tell from
// 100.
func (Points) JSONSchema() map[string]any {
	return map[string]any{
		"oneOf": []any{
			map[string]any{"type": "string", "pattern": `^-?[0-9]{1,11}(\.[0-9]0*)?$`},
			map[string]any{"type": "number", "multipleOf": 0.1, "minimum": -1e9, "maximum": 1e9},
		},
		"description": "分值：最多一位小数的十进制数，如 \"3.5\" / points: a decimal with at most one decimal place, like \"3.5\""}
}

package funding

import (
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/shopspring/decimal"
)

// Rate is an exact fraction ("0.10" is 10 %), decimal inside. The zero
// value is 0. JSON and YAML carry it as a quoted string; "10%" is accepted
// on input too.
type Rate struct{ d decimal.Decimal }

// ParseRate parses "0.1", "0.10" or "10%". Exponents are refused.
func ParseRate(s string) (Rate, error) {
	t := strings.TrimSpace(s)
	pct := strings.HasSuffix(t, "%")
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	if t == "" || len(t) > 40 || !plainNumber(t) {
		return Rate{}, inputErr("rate", "rate", clip(s), "比率格式错误（应为如 0.10 或 10%）", "malformed rate (want e.g. 0.10 or 10%)")
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return Rate{}, inputErr("rate", "rate", clip(s), "比率格式错误", "malformed rate")
	}
	if pct {
		d = d.Shift(-2)
	}
	return Rate{d}, nil
}

// MustParseRate is ParseRate for literals; it panics on a bad literal.
func MustParseRate(s string) Rate {
	r, err := ParseRate(s)
	if err != nil {
		panic(err)
	}
	return r
}

// Percent returns a Rate of n/100.
func Percent(n int64) Rate { return Rate{decimal.New(n, -2)} }

// Decimal returns the rate as a decimal fraction.
func (r Rate) Decimal() decimal.Decimal { return r.d }

// Cmp compares two rates.
func (r Rate) Cmp(o Rate) int { return r.d.Cmp(o.d) }

// IsZero reports r == 0.
func (r Rate) IsZero() bool { return r.d.IsZero() }

// Fraction reports 0 ≤ r ≤ 1.
func (r Rate) Fraction() bool { return !r.d.IsNegative() && r.d.Cmp(decimal.NewFromInt(1)) <= 0 }

// Add returns r+o.
func (r Rate) Add(o Rate) Rate { return Rate{r.d.Add(o.d)} }

// String formats as a fraction ("0.1").
func (r Rate) String() string { return r.d.String() }

// Percent formats as a percentage ("10%").
func (r Rate) Percent() string { return r.d.Shift(2).String() + "%" }

// MarshalText implements encoding.TextMarshaler.
func (r Rate) MarshalText() ([]byte, error) { return []byte(r.d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Rate) UnmarshalText(b []byte) error {
	v, err := ParseRate(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// MarshalJSON writes a quoted string.
func (r Rate) MarshalJSON() ([]byte, error) { return []byte(`"` + r.d.String() + `"`), nil }

// UnmarshalJSON reads a quoted string.
func (r *Rate) UnmarshalJSON(b []byte) error {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return inputErr("", "rate", clip(string(b)), "比率须为带引号的字符串，如 \"0.10\"", "a rate must be a quoted string like \"0.10\"")
	}
	return r.UnmarshalText(b[1 : len(b)-1])
}

// millionths scales a share to whole millionths for weighting.
var millionths = decimal.New(1, 6)

// shareWeight checks that share is a fraction from 0 to 100 % with at most
// six decimals and returns it in millionths, the weight an allocation splits
// by; otherwise it records why at path and reports false. noun names the
// share in the Chinese message (份额 of a fund area, 比例 of a tranche).
func shareWeight(p *hubrules.Problems, path string, share Rate, noun string) (int64, bool) {
	if !share.Fraction() {
		p.Add(path, "rate", share.String(), hubrules.T(noun+"须在 0 到 100% 之间", "a share must be between 0 and 100%"))
		return 0, false
	}
	x := share.d.Mul(millionths)
	if !x.Equal(x.Truncate(0)) {
		p.Add(path, "precision", share.String(), hubrules.T(noun+"最多六位小数", "a share has at most six decimals"))
		return 0, false
	}
	return x.IntPart(), true
}

// JSONSchema is the JSON Schema of a rate (hubrules.JSONSchemer): a quoted
// decimal fraction ("0.10") or percentage ("10%"); no exponent.
func (Rate) JSONSchema() map[string]any {
	return map[string]any{"type": "string", "pattern": `^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)%?$`, "maxLength": 41,
		"description": "比率：小数（如 \"0.10\"）或百分数（如 \"10%\"） / rate: a fraction like \"0.10\" or a percentage like \"10%\""}
}

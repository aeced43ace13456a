package funding

import (
	"bytes"
	"errors"
	"math"
	"math/bits"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"github.com/hubrules/hubrules"
	"github.com/shopspring/decimal"
)

// Money is an amount in yuan (元) exact to the fen (分, 0.01 yuan). It holds
// int64 fen inside, so adding and comparing cost nothing and never allocate;
// shopspring/decimal is used at the boundaries (parsing with a named
// rounding, multiplying by a Rate). The zero value is 0.00 yuan. Money is an
// immutable value: every method returns a new value.
//
// JSON and YAML carry Money as a quoted string "1234.50".
type Money struct{ fen int64 }

// MaxMoney is the largest amount (about 9.2e16 yuan); beyond it arithmetic
// returns ErrOverflow instead of wrapping.
var MaxMoney = Money{math.MaxInt64}

// Rounding names how a value with more than two decimals becomes fen.
type Rounding string

// The roundings. HalfUp (四舍五入, away from zero at .5) is the default of
// docs/rules.md; HalfEven is banker's rounding; Down truncates toward zero;
// Exact refuses any value that would lose a digit.
const (
	HalfUp   Rounding = "half_up"
	HalfEven Rounding = "half_even"
	Down     Rounding = "down"
	Exact    Rounding = "exact"
)

// Valid reports whether r is a known rounding.
func (r Rounding) Valid() bool { return r == HalfUp || r == HalfEven || r == Down || r == Exact }

// Text returns the rounding's bilingual name.
func (r Rounding) Text() hubrules.Text {
	switch r {
	case HalfUp:
		return hubrules.T("四舍五入到分", "half-up to the fen")
	case HalfEven:
		return hubrules.T("银行家舍入到分", "half-even (banker's) to the fen")
	case Down:
		return hubrules.T("舍去到分", "truncated to the fen")
	case Exact:
		return hubrules.T("精确，无舍入", "exact, no rounding")
	}
	return hubrules.T("未知舍入", "unknown rounding")
}

func roundDec(d decimal.Decimal, r Rounding) (decimal.Decimal, bool) {
	switch r {
	case HalfUp:
		return d.Round(2), true
	case HalfEven:
		return d.RoundBank(2), true
	case Down:
		return d.Truncate(2), true
	case Exact:
		t := d.Truncate(2)
		return t, t.Equal(d)
	}
	return d, false
}

var (
	decHundred = decimal.NewFromInt(100)
	decMaxFen  = decimal.NewFromInt(math.MaxInt64)
	decMinFen  = decimal.NewFromInt(-math.MaxInt64)
)

// fromDecimal converts a yuan decimal to Money with rounding r.
func fromDecimal(d decimal.Decimal, r Rounding, field string) (Money, error) {
	rd, ok := roundDec(d, r)
	if !ok {
		if !r.Valid() {
			return Money{}, inputErr(field, "rounding", string(r), "未知的舍入方式", "unknown rounding")
		}
		return Money{}, inputErr(field, "precision", d.String(), "金额超过两位小数，需指明舍入方式", "amount has more than two decimals: name a rounding")
	}
	f := rd.Mul(decHundred)
	if f.GreaterThan(decMaxFen) || f.LessThan(decMinFen) {
		return Money{}, inputErr(field, "overflow", d.String(), "金额超出可表示范围", "amount out of range")
	}
	return Money{f.IntPart()}, nil
}

// FromDecimal converts a decimal number of yuan to Money, rounding to the
// fen as r says (Exact refuses a value with more than two decimals).
func FromDecimal(d decimal.Decimal, r Rounding) (Money, error) { return fromDecimal(d, r, "amount") }

// Fen returns Money of n fen.
func Fen(n int64) Money { return Money{n} }

// Yuan returns Money of n whole yuan; it panics only if n*100 overflows
// (a programmer's literal), like the Must… helpers.
func Yuan(n int64) Money {
	hi, lo := bits.Mul64(uint64(absI(n)), 100)
	if hi != 0 || lo > math.MaxInt64 {
		panic("funding: Yuan overflow")
	}
	if n < 0 {
		return Money{-int64(lo)}
	}
	return Money{int64(lo)}
}

func absI(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// ParseMoney parses "1234.5", "1234.50", "-3", "1,234.50" (commas as
// thousands separators are allowed) into Money. More than two decimals is
// an error: use ParseMoneyRound to name a rounding.
func ParseMoney(s string) (Money, error) { return ParseMoneyRound(s, Exact) }

// ParseMoneyRound parses s and rounds it to the fen as r says.
func ParseMoneyRound(s string, r Rounding) (Money, error) {
	return parseMoney(s, r, "amount")
}

func parseMoney(s string, r Rounding, field string) (Money, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimSuffix(strings.TrimSuffix(t, "元"), "yuan")
	if strings.Contains(t, ",") {
		// Commas are thousands separators only ("1,234.50"); "1,50"
		// might be a decimal comma and is refused, not read as 150.
		if !thousandsGrouped(strings.TrimSpace(t)) {
			return Money{}, inputErr(field, "money", clip(s), "逗号只能作千位分隔符（如 1,234.50）", "a comma may only separate thousands (like 1,234.50)")
		}
		t = strings.ReplaceAll(t, ",", "")
	}
	t = strings.TrimSpace(t)
	if t == "" || len(t) > 64 || !plainNumber(t) {
		return Money{}, inputErr(field, "money", clip(s), "金额格式错误（应为如 1234.50）", "malformed amount (want e.g. 1234.50)")
	}
	if fast, ok := parseFast(t); ok {
		return Money{fast}, nil
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return Money{}, inputErr(field, "money", clip(s), "金额格式错误（应为如 1234.50）", "malformed amount (want e.g. 1234.50)")
	}
	return fromDecimal(d, r, field)
}

// plainNumber accepts [-+]digits[.digits] only (no exponents, no spaces).
func plainNumber(t string) bool {
	i := 0
	if t[0] == '-' || t[0] == '+' {
		i = 1
	}
	digits, dot := 0, false
	for ; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

// parseFast handles up to two decimals and 17 integer digits in int64.
func parseFast(t string) (int64, bool) {
	neg := false
	if t[0] == '-' || t[0] == '+' {
		neg = t[0] == '-'
		t = t[1:]
	}
	intPart, frac := t, ""
	if i := strings.IndexByte(t, '.'); i >= 0 {
		intPart, frac = t[:i], t[i+1:]
	}
	if len(frac) > 2 || len(intPart) > 16 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(intPart); i++ {
		n = n*10 + int64(intPart[i]-'0')
	}
	for i := 0; i < 2; i++ {
		n *= 10
		if i < len(frac) {
			n += int64(frac[i] - '0')
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

// MustParseMoney is ParseMoney for literals; it panics on a bad literal.
func MustParseMoney(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

// Fen returns the amount in fen.
func (m Money) Fen() int64 { return m.fen }

// Decimal returns the amount in yuan as a decimal.
func (m Money) Decimal() decimal.Decimal { return decimal.New(m.fen, -2) }

// IsZero, IsNegative and IsPositive test the sign.
func (m Money) IsZero() bool { return m.fen == 0 }

// IsNegative reports m < 0.
func (m Money) IsNegative() bool { return m.fen < 0 }

// IsPositive reports m > 0.
func (m Money) IsPositive() bool { return m.fen > 0 }

// Cmp returns -1, 0 or +1.
func (m Money) Cmp(o Money) int {
	switch {
	case m.fen < o.fen:
		return -1
	case m.fen > o.fen:
		return 1
	}
	return 0
}

// Equal reports m == o.
func (m Money) Equal(o Money) bool { return m.fen == o.fen }

// LessThan reports m < o.
func (m Money) LessThan(o Money) bool { return m.fen < o.fen }

// GreaterThan reports m > o.
func (m Money) GreaterThan(o Money) bool { return m.fen > o.fen }

// Min returns the smaller of m and o.
func (m Money) Min(o Money) Money {
	if o.fen < m.fen {
		return o
	}
	return m
}

// Add returns m+o, or ErrOverflow.
func (m Money) Add(o Money) (Money, error) {
	s := m.fen + o.fen
	if (s > m.fen) != (o.fen > 0) {
		return Money{}, ErrOverflow
	}
	return Money{s}, nil
}

// Sub returns m-o, or ErrOverflow.
func (m Money) Sub(o Money) (Money, error) {
	s := m.fen - o.fen
	if (s < m.fen) != (o.fen > 0) {
		return Money{}, ErrOverflow
	}
	return Money{s}, nil
}

// MulInt returns m*n, or ErrOverflow.
func (m Money) MulInt(n int64) (Money, error) {
	if m.fen == 0 || n == 0 {
		return Money{}, nil
	}
	p := m.fen * n
	if p/n != m.fen || (m.fen == -1 && n == math.MinInt64) || (n == -1 && m.fen == math.MinInt64) {
		return Money{}, ErrOverflow
	}
	return Money{p}, nil
}

// MulRate returns m×r rounded to the fen as rd says.
func (m Money) MulRate(r Rate, rd Rounding) (Money, error) {
	return FromDecimal(m.Decimal().Mul(r.d), rd)
}

// DivInt returns m/n rounded to the fen as rd says; ErrDivisionByZero when n is 0.
func (m Money) DivInt(n int64, rd Rounding) (Money, error) {
	if n == 0 {
		return Money{}, ErrDivisionByZero
	}
	return FromDecimal(m.Decimal().Div(decimal.NewFromInt(n)), rd)
}

// DivRate returns m/r rounded as rd says (e.g. a total from a fee inside
// it); ErrDivisionByZero when r is 0.
func (m Money) DivRate(r Rate, rd Rounding) (Money, error) {
	if r.d.IsZero() {
		return Money{}, ErrDivisionByZero
	}
	return FromDecimal(m.Decimal().DivRound(r.d, 8), rd)
}

// Ratio returns m/o as a Rate with 6 decimals (half-up); ErrDivisionByZero
// when o is 0.
func (m Money) Ratio(o Money) (Rate, error) {
	if o.fen == 0 {
		return Rate{}, ErrDivisionByZero
	}
	return Rate{decimal.New(m.fen, 0).DivRound(decimal.New(o.fen, 0), 6)}, nil
}

// String formats as "1234.50" (no separators).
func (m Money) String() string {
	var buf [24]byte
	return string(m.appendTo(buf[:0]))
}

func (m Money) appendTo(b []byte) []byte {
	u := uint64(m.fen)
	if m.fen < 0 {
		b = append(b, '-')
		u = uint64(-m.fen) // MinInt64 stays correct as uint64
	}
	b = strconv.AppendUint(b, u/100, 10)
	c := u % 100
	return append(b, '.', byte('0'+c/10), byte('0'+c%10))
}

// Yuan formats for Chinese reports: "1,234.50元".
func (m Money) Yuan() string {
	s := m.String()
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	i := strings.IndexByte(s, '.')
	ip, fp := s[:i], s[i:]
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for j := 0; j < len(ip); j++ {
		if j > 0 && (len(ip)-j)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(ip[j])
	}
	b.WriteString(fp)
	b.WriteString("元")
	return b.String()
}

// Wan formats in 万元 (ten thousands of yuan) with the decimals needed to be
// exact (up to six): 15000000.00 → "1500万元", 334000.00 → "33.4万元".
func (m Money) Wan() string {
	d := decimal.New(m.fen, -6)
	return d.String() + "万元"
}

// MarshalText implements encoding.TextMarshaler ("1234.50").
func (m Money) MarshalText() ([]byte, error) { return m.appendTo(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler (exact: at most two
// decimals). The text is the value itself: unlike ParseMoney, which reads
// what a person typed, it refuses spaces around or inside it (" 100.00").
func (m *Money) UnmarshalText(b []byte) error {
	v, err := ParseMoney(string(b))
	if err == nil && bytes.ContainsFunc(b, unicode.IsSpace) {
		err = errSpaced
	}
	if err != nil {
		return hubrules.ValueError(string(b), moneyType)
	}
	*m = v
	return nil
}

// MarshalJSON writes a quoted string "1234.50".
func (m Money) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 24)
	b = append(b, '"')
	b = m.appendTo(b)
	return append(b, '"'), nil
}

// UnmarshalJSON reads a quoted string "1234.50"; a bare JSON number is
// refused because it may have passed through a float.
func (m *Money) UnmarshalJSON(b []byte) error {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return hubrules.ValueError(string(b), moneyType)
	}
	s, err := strconv.Unquote(string(b))
	if err != nil {
		return hubrules.ValueError(string(b), moneyType)
	}
	return m.UnmarshalText([]byte(s))
}

var moneyType = reflect.TypeOf(Money{})

// errSpaced marks an amount's text with spaces in it.
var errSpaced = errors.New("funding: spaces in an amount")

// JSONFormat says what an amount looks like in JSON (hubrules.FormatDescriber).
func (Money) JSONFormat() hubrules.Text {
	return hubrules.T("金额须为带引号的字符串，以元为单位、最多两位小数，如 \"1234.50\"",
		"an amount must be a quoted string in yuan with at most two decimals, like \"1234.50\"")
}

// thousandsGrouped reports whether the integer part of t is grouped by
// commas in threes ("1,234", "12,345,678.9"), with an optional sign.
func thousandsGrouped(t string) bool {
	t = strings.TrimLeft(t, "+-")
	intPart, _, _ := strings.Cut(t, ".")
	groups := strings.Split(intPart, ",")
	if len(groups[0]) < 1 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return !strings.Contains(t[len(intPart):], ",")
}

func clip(s string) string {
	if len(s) > 64 {
		return s[:64]
	}
	return s
}

// moneyPattern is the text UnmarshalText accepts: a sign, yuan (grouped
// in threes by commas, or not), at most two decimals (zeros may follow),
// and "yuan" and/or "元" after it; no spaces.
const moneyPattern = `^[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?(\.[0-9]{0,2}0*)?(yuan)?元?$`

// JSONSchema is the JSON Schema of an amount (hubrules.JSONSchemer): a
// quoted string of yuan with at most two decimals, like "1234.50"; a bare
// JSON number is refused. An amount beyond what int64 fen hold is refused
// by the decoder, not by the pattern.
func (Money) JSONSchema() map[string]any {
	return map[string]any{"type": "string", "pattern": moneyPattern, "minLength": 1, "maxLength": 64,
		"not":         map[string]any{"pattern": `^[+-]?\.?(yuan)?元?$`},
		"description": "金额：以元为单位、最多两位小数的字符串，如 \"1234.50\" / amount: a string of yuan with at most two decimals, like \"1234.50\""}
}

// Name returns the rounding in Chinese and English.
func (r Rounding) Name() hubrules.Text {
	switch r {
	case HalfUp:
		return hubrules.T("四舍五入", "half up")
	case HalfEven:
		return hubrules.T("四舍六入五成双", "half to even")
	case Down:
		return hubrules.T("舍去", "down")
	case Exact:
		return hubrules.T("不得舍入（精确到分）", "exact (no digit may be lost)")
	}
	return hubrules.T("未知舍入方式", "unknown rounding")
}

// Codes lists the roundings (hubrules.Coded).
func (Rounding) Codes() []hubrules.Code { return hubrules.CodesOf(HalfUp, HalfEven, Down, Exact) }

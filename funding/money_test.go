package funding_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMoney_ParseAndFormat(t *testing.T) {
	cases := []struct {
		in, want, wan string
	}{
		{"1234.5", "1234.50", "0.12345万元"},
		{"1,234.50", "1234.50", "0.12345万元"},
		{"15000000", "15000000.00", "1500万元"},
		{"334000.00元", "334000.00", "33.4万元"},
		{"-0.01", "-0.01", "-0.000001万元"},
		{"0", "0.00", "0万元"},
		{"+7.1", "7.10", "0.00071万元"},
		{"12345678901234567.89", "12345678901234567.89", "1234567890123.456789万元"},
	}
	for _, c := range cases {
		m, err := funding.ParseMoney(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, m.String(), c.in)
		assert.Equal(t, c.wan, m.Wan(), c.in)
	}
	assert.Equal(t, "15,000,000.00元", funding.Yuan(15000000).Yuan())
	assert.Equal(t, "-1,234.50元", funding.MustParseMoney("-1234.5").Yuan())
	var zero funding.Money
	assert.Equal(t, "0.00", zero.String())
}

func TestMoney_ParseErrors(t *testing.T) {
	for _, in := range []string{"", "abc", "1.2.3", "1e5", "NaN", "1.234", "--1", "1 000", "99999999999999999999", "0x10"} {
		_, err := funding.ParseMoney(in)
		require.Error(t, err, in)
		assert.ErrorIs(t, err, hubrules.ErrInvalidInput, in)
		var ie *hubrules.InputError
		require.True(t, errors.As(err, &ie))
		assert.NotEmpty(t, ie.Fields[0].Message.ZH)
		assert.NotEmpty(t, ie.Fields[0].Message.EN)
	}
}

func TestMoney_Rounding(t *testing.T) {
	cases := []struct {
		in   string
		r    funding.Rounding
		want string
	}{
		{"1.005", funding.HalfUp, "1.01"},
		{"1.005", funding.HalfEven, "1.00"},
		{"1.015", funding.HalfEven, "1.02"},
		{"1.009", funding.Down, "1.00"},
		{"-1.005", funding.HalfUp, "-1.01"},
		{"2.5", funding.Exact, "2.50"},
	}
	for _, c := range cases {
		m, err := funding.ParseMoneyRound(c.in, c.r)
		require.NoError(t, err)
		assert.Equal(t, c.want, m.String(), c.in+" "+string(c.r))
	}
	_, err := funding.ParseMoneyRound("1.005", "bogus")
	assert.Error(t, err)
}

func TestMoney_Arithmetic(t *testing.T) {
	a := funding.MustParseMoney("100.10")
	b := funding.MustParseMoney("0.20")
	s, err := a.Add(b)
	require.NoError(t, err)
	assert.Equal(t, "100.30", s.String())
	d, err := a.Sub(b)
	require.NoError(t, err)
	assert.Equal(t, "99.90", d.String())
	_, err = funding.MaxMoney.Add(funding.Fen(1))
	assert.ErrorIs(t, err, funding.ErrOverflow)
	_, err = funding.Fen(-9223372036854775807).Sub(funding.Fen(2))
	assert.ErrorIs(t, err, funding.ErrOverflow)
	_, err = funding.MaxMoney.MulInt(2)
	assert.ErrorIs(t, err, funding.ErrOverflow)
	_, err = a.DivInt(0, funding.HalfUp)
	assert.ErrorIs(t, err, funding.ErrDivisionByZero)
	q, err := funding.Yuan(100).DivInt(3, funding.HalfUp)
	require.NoError(t, err)
	assert.Equal(t, "33.33", q.String())
	_, err = funding.Yuan(100).DivInt(3, funding.Exact)
	assert.Error(t, err)
	f, err := funding.Yuan(1000000).MulRate(funding.MustParseRate("10%"), funding.HalfUp)
	require.NoError(t, err)
	assert.Equal(t, "100000.00", f.String())
	_, err = funding.MaxMoney.MulRate(funding.MustParseRate("2"), funding.HalfUp)
	assert.Error(t, err)
	_, err = funding.Yuan(1).Ratio(funding.Money{})
	assert.ErrorIs(t, err, funding.ErrDivisionByZero)
	m, err := funding.FromDecimal(decimal.RequireFromString("0.125"), funding.HalfEven)
	require.NoError(t, err)
	assert.Equal(t, "0.12", m.String())
}

func TestMoney_JSON(t *testing.T) {
	type box struct {
		A funding.Money `json:"a"`
		R funding.Rate  `json:"r"`
	}
	b, err := json.Marshal(box{funding.MustParseMoney("1234.5"), funding.Percent(10)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"a":"1234.50","r":"0.1"}`, string(b))
	var got box
	require.NoError(t, json.Unmarshal([]byte(`{"a":"1234.50","r":"12.5%"}`), &got))
	assert.Equal(t, "1234.50", got.A.String())
	assert.Equal(t, "0.125", got.R.String())
	assert.Error(t, json.Unmarshal([]byte(`{"a":1234.5}`), &got), "a bare number is refused")
	assert.Error(t, json.Unmarshal([]byte(`{"a":"1.234"}`), &got))
	assert.Error(t, json.Unmarshal([]byte(`{"r":0.1}`), &got))
}

// TestNoFloatInPackage greps the package's own source for binary floats.
func TestNoFloatInPackage(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	re := regexp.MustCompile(`\bfloat(32|64)\b`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.Falsef(t, re.Match(b), "%s mentions a float type", f)
	}
}

func TestMoney_Helpers(t *testing.T) {
	parts, err := funding.AllocateMoney(funding.MustParseMoney("300000.00"), []funding.Money{funding.Yuan(60000), funding.Yuan(30000), funding.Yuan(10000)})
	require.NoError(t, err)
	assert.Equal(t, "[180000.00 90000.00 30000.00]", fmtMoneys(parts))
	gross, err := funding.MustParseMoney("900000.00").DivRate(funding.Percent(90), funding.HalfUp)
	require.NoError(t, err)
	assert.Equal(t, "1000000.00", gross.String(), "total from a net with a 10 % fee inside")
	_, err = funding.Yuan(1).DivRate(funding.Rate{}, funding.HalfUp)
	assert.ErrorIs(t, err, funding.ErrDivisionByZero)
	assert.True(t, funding.IsInputError(err))
	assert.Equal(t, "0.3", funding.Percent(10).Add(funding.Percent(20)).String())
	assert.Equal(t, -1, funding.Yuan(1).Cmp(funding.Yuan(2)))
	assert.Equal(t, 1, funding.Yuan(2).Cmp(funding.Yuan(1)))
	b, _ := funding.Yuan(5).MarshalText()
	assert.Equal(t, "5.00", string(b))
}

func fmtMoneys(ms []funding.Money) string {
	s := "["
	for i, m := range ms {
		if i > 0 {
			s += " "
		}
		s += m.String()
	}
	return s + "]"
}

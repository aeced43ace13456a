package hubrules_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/hubrules/hubrules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDate_ParseRoundTripAndArithmetic(t *testing.T) {
	d := hubrules.MustParseDate("2024-02-29")
	assert.Equal(t, "2024-02-29", d.String())
	assert.Equal(t, "2025-02-28", d.AddYears(1).String())
	assert.Equal(t, "2024-03-31", hubrules.MustParseDate("2024-01-31").AddMonths(2).String())
	assert.Equal(t, "2024-02-29", hubrules.MustParseDate("2024-01-31").AddMonths(1).String())
	assert.Equal(t, 366, hubrules.MustParseDate("2025-01-01").DaysSince(hubrules.MustParseDate("2024-01-01")))
	assert.Equal(t, "2026-03-01", hubrules.MustParseDate("2026-02-28").AddDays(1).String())
	assert.Equal(t, hubrules.NewDate(2026, time.March, 2), hubrules.NewDate(2026, time.February, 30))
	assert.Equal(t, 0, hubrules.MustParseDate("1970-01-01").Ordinal())
	assert.Equal(t, d, hubrules.DateFromOrdinal(d.Ordinal()))
	assert.True(t, hubrules.Date{}.IsZero())
	assert.Equal(t, "", hubrules.Date{}.String())
	y, m, dd := hubrules.MustParseDate("0001-01-01").Date()
	assert.Equal(t, []int{1, 1, 1}, []int{y, int(m), dd})
	assert.Equal(t, time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), hubrules.MustParseDate("2026-11-21").Time())
	assert.Equal(t, hubrules.MustParseDate("2026-11-21"), hubrules.DateOf(time.Date(2026, 11, 21, 23, 0, 0, 0, time.UTC)))
}

func TestDate_EveryDayOfFourCenturiesMatchesTime(t *testing.T) {
	start := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	d := hubrules.NewDate(1900, time.January, 1)
	for i := 0; i < 146097; i++ {
		want := start.AddDate(0, 0, i).Format("2006-01-02")
		if got := d.AddDays(i).String(); got != want {
			t.Fatalf("day %d: got %s want %s", i, got, want)
		}
	}
}

func TestDate_ParseRejectsMalformed(t *testing.T) {
	for _, s := range []string{"", "2026-2-1", "2026-02-30", "2026-13-01", "0000-01-01", "20260101", "2026/01/01", "abcd-ef-gh"} {
		_, err := hubrules.ParseDate(s)
		assert.Error(t, err, s)
	}
}

func TestDate_JSON(t *testing.T) {
	var v struct {
		D hubrules.Date `json:"d"`
		Z hubrules.Date `json:"z"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"d":"2026-03-01","z":""}`), &v))
	assert.Equal(t, "2026-03-01", v.D.String())
	assert.True(t, v.Z.IsZero())
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":"2026-03-01","z":""}`, string(out))

	var w struct {
		Items []struct {
			On hubrules.Date `json:"on"`
		} `json:"items"`
	}
	err = hubrules.DecodeJSON([]byte(`{"items":[{"on":"2026-02-28"},{"on":"2026-02-30"}]}`), &w)
	var ie *hubrules.InputError
	require.True(t, errors.As(err, &ie))
	assert.Equal(t, "items[1].on", ie.Fields[0].Path)
	assert.Equal(t, "date", ie.Fields[0].Code)
	assert.Contains(t, ie.Fields[0].Message.ZH, "日期")
	assert.Contains(t, ie.Fields[0].Message.EN, "date")
}

func TestDate_InRangeAndCheckComputed(t *testing.T) {
	last := hubrules.MustParseDate("9999-12-31")
	first := hubrules.MustParseDate("0001-01-01")
	assert.True(t, last.InRange())
	assert.True(t, first.InRange())
	assert.False(t, last.AddDays(1).InRange())
	assert.False(t, first.AddDays(-1).InRange())
	assert.False(t, hubrules.Date{}.InRange())
	assert.NoError(t, hubrules.CheckComputed("date", last, last, hubrules.Date{}))

	err := hubrules.CheckComputed("date", last, last, last.AddMonths(6).AddDays(-1))
	var ie *hubrules.InputError
	require.True(t, errors.As(err, &ie))
	require.Len(t, ie.Fields, 1)
	assert.Equal(t, "date", ie.Fields[0].Path)
	assert.Equal(t, "date_range", ie.Fields[0].Code)
	assert.Equal(t, "9999-12-31", ie.Fields[0].Value)
	assert.Contains(t, ie.Fields[0].Message.EN, "would pass 9999-12-31")
	assert.NotEmpty(t, ie.Fields[0].Message.ZH)

	err = hubrules.CheckComputed("from", first, first.AddYears(-1))
	require.True(t, errors.As(err, &ie))
	assert.Contains(t, ie.Fields[0].Message.EN, "would precede 0001-01-01")
}

func TestDate_AddMonthsBeforeYearOne(t *testing.T) {
	d := hubrules.MustParseDate("0001-01-15")
	for n := -40; n <= 40; n++ {
		y, m, dd := d.AddMonths(n).Date()
		want := d.Time().AddDate(0, n, 0)
		assert.Equal(t, []int{want.Year(), int(want.Month()), want.Day()}, []int{y, int(m), dd}, "%+d months", n)
		assert.Equal(t, d, d.AddMonths(n).AddMonths(-n), "%+d months and back", n)
	}
}

func TestDate_ArithmeticSaturatesOutOfRange(t *testing.T) {
	last := hubrules.MustParseDate("9999-12-31")
	first := hubrules.MustParseDate("0001-01-01")
	for _, d := range []hubrules.Date{last.AddDays(math.MaxInt), last.AddDays(math.MaxInt32), first.AddDays(math.MinInt), last.AddYears(math.MaxInt32 / 12), first.AddMonths(math.MinInt32)} {
		assert.False(t, d.InRange(), "far dates stay out of range, never wrap round: %v", d.Ordinal())
		assert.False(t, d.IsZero(), "nor become \"no date\"")
	}
	// 0000-03-01 is the first day a Date counts; the day before it is not
	// "no date"
	assert.False(t, first.AddDays(-306).IsZero())
	assert.False(t, first.AddDays(-307).IsZero())
	assert.Error(t, hubrules.CheckComputed("date", first, first.AddDays(-307)))
}

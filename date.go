package hubrules

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"time"
)

// Date is a civil date (公历日期) with no time of day and no time zone: the
// day a registration was approved, a board was re-elected or a rule took
// effect. Inside it is a day number, so comparing two dates and counting the
// days between them are integer operations.
//
// The zero Date means "no date" (IsZero reports true). It marshals to the
// empty JSON string "", and "" unmarshals to it (JSON null, as for any Go
// value, leaves the Date as it was). Dates are written
// from 0001-01-01 to 9999-12-31.
type Date struct {
	// d is the number of days since 0000-03-01 (proleptic Gregorian) plus
	// one, so that the zero value is "no date".
	d int32
}

// Days since 0000-03-01 of 1970-01-01, used to convert to and from Unix days.
const unixEpochDays = 719468

// NewDate returns the date year-month-day. Out-of-range months and days are
// normalized the way time.Date normalizes them (2026-02-30 is 2026-03-02);
// use ParseDate to reject them instead.
func NewDate(year int, month time.Month, day int) Date {
	if month < 1 || month > 12 || day < 1 || day > 28 {
		t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
		year, month, day = t.Date()
	}
	return Date{d: int32(daysFromCivil(year, int(month), day)) + 1}
}

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate parses a date written "2006-01-02". It rejects anything else,
// including impossible days such as 2026-02-30.
func ParseDate(s string) (Date, error) {
	d, why := parseDate(s)
	switch why {
	case dateFormat:
		return Date{}, fmt.Errorf("hubrules: date %q is not written YYYY-MM-DD", s)
	case dateMissing:
		return Date{}, fmt.Errorf("hubrules: date %q does not exist", s)
	}
	return d, nil
}

// Why parseDate refused a date.
const (
	dateOK      = iota
	dateFormat  // not YYYY-MM-DD
	dateMissing // no such day
)

// parseDate is ParseDate without building its error: s does not escape,
// so a date decoded from bytes needs no allocation.
func parseDate(s string) (Date, int) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, dateFormat
	}
	y, ok1 := atoiDigits(s[0:4])
	m, ok2 := atoiDigits(s[5:7])
	d, ok3 := atoiDigits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, dateFormat
	}
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Date{}, dateMissing
	}
	return Date{d: int32(daysFromCivil(y, m, d)) + 1}, dateOK
}

// MustParseDate is ParseDate for literals in code and tests; it panics on a
// malformed date. Never use it on data from files or users.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func atoiDigits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d.d == 0 }

// Date returns the year, month and day of d.
func (d Date) Date() (year int, month time.Month, day int) {
	y, m, dd := civilFromDays(int(d.d) - 1)
	return y, time.Month(m), dd
}

// Year returns the year of d.
func (d Date) Year() int { y, _, _ := d.Date(); return y }

// Month returns the month of d.
func (d Date) Month() time.Month { _, m, _ := d.Date(); return m }

// Day returns the day of the month of d.
func (d Date) Day() int { _, _, dd := d.Date(); return dd }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// AddDays returns the date n days after d (before it when n is negative).
func (d Date) AddDays(n int) Date { return fromDayNumber(int64(d.d) + int64(n)) }

// fromDayNumber returns the Date of day number n (Date.d). A number beyond
// what a Date holds saturates instead of wrapping round to a date that
// looks valid, and the day number 0 of "no date" becomes -1: either is far
// outside the written range, so InRange and CheckComputed still refuse it.
func fromDayNumber(n int64) Date {
	switch {
	case n > math.MaxInt32:
		n = math.MaxInt32
	case n < math.MinInt32:
		n = math.MinInt32
	case n == 0:
		n = -1
	}
	return Date{d: int32(n)}
}

// AddMonths returns the date n calendar months after d. A day that does not
// exist in the target month is clamped to the month's last day, so one month
// after 2026-01-31 is 2026-02-28 (a term that starts on the 31st ends on the
// last day of a short month, not in the month after).
func (d Date) AddMonths(n int) Date {
	y, m, dd := civilFromDays(int(d.d) - 1)
	total := y*12 + (m - 1) + n
	// floor division, so that months before year 0 are counted right
	y, m = total/12, total%12
	if m < 0 {
		y, m = y-1, m+12
	}
	m++
	if last := daysIn(y, m); dd > last {
		dd = last
	}
	return fromDayNumber(int64(daysFromCivil(y, m, dd)) + 1)
}

// AddYears returns the date n years after d; 29 February becomes 28 February
// in a year that has none.
func (d Date) AddYears(n int) Date { return d.AddMonths(12 * n) }

// Written dates run from 0001-01-01 to 9999-12-31: day numbers of Date.d.
var (
	firstDay = int32(daysFromCivil(1, 1, 1)) + 1
	lastDay  = int32(daysFromCivil(9999, 12, 31)) + 1
)

// InRange reports whether d is a date that can be written and read back:
// from 0001-01-01 to 9999-12-31. The zero Date ("no date") is not in range.
// Arithmetic (AddDays, AddMonths, AddYears) may leave the range; a date
// computed for a result must be checked with it (see CheckComputed).
func (d Date) InRange() bool { return d.d >= firstDay && d.d <= lastDay }

// CheckComputed returns nil when every one of computed is zero or in range
// (InRange), and otherwise an *InputError at path, the field holding from,
// the input date they were computed from (an admission date and its term
// end, a grading and its validity): the result would pass 9999-12-31 (or
// precede 0001-01-01), a date no one could read back. A rule refuses such
// an input rather than clamp the date, which would change its meaning.
func CheckComputed(path string, from Date, computed ...Date) error {
	for _, c := range computed {
		if c.IsZero() || c.InRange() {
			continue
		}
		if c.d < firstDay {
			return NewInputError(FieldError{Path: path, Code: "date_range", Value: from.String(), Param: "0001-01-01",
				Message: T("由 "+from.String()+" 推算的日期将早于 0001-01-01", "a date computed from "+from.String()+" would precede 0001-01-01")})
		}
		return NewInputError(FieldError{Path: path, Code: "date_range", Value: from.String(), Param: "9999-12-31",
			Message: T("由 "+from.String()+" 推算的日期将超过 9999-12-31", "a date computed from "+from.String()+" would pass 9999-12-31")})
	}
	return nil
}

// DaysSince returns the number of days from e to d: positive when d is after e.
func (d Date) DaysSince(e Date) int { return int(d.d - e.d) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.d < e.d }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.d > e.d }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.d < e.d:
		return -1
	case d.d > e.d:
		return 1
	}
	return 0
}

// Ordinal returns d as a day number (days since 1970-01-01), for callers
// that store dates as integers. The zero Date has no ordinal; check IsZero.
func (d Date) Ordinal() int { return int(d.d) - 1 - unixEpochDays }

// DateFromOrdinal is the inverse of Ordinal.
func DateFromOrdinal(n int) Date { return Date{d: int32(n + unixEpochDays + 1)} }

// String returns d as "2006-01-02", or "" for the zero Date.
func (d Date) String() string {
	if d.d == 0 {
		return ""
	}
	var b [10]byte
	return string(d.appendTo(b[:0]))
}

func (d Date) appendTo(b []byte) []byte {
	y, m, dd := civilFromDays(int(d.d) - 1)
	if y < 0 || y > 9999 {
		return fmt.Appendf(b, "%04d-%02d-%02d", y, m, dd)
	}
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-',
		byte('0'+dd/10), byte('0'+dd%10))
}

// AppendText appends d as MarshalText writes it (encoding.TextAppender).
func (d Date) AppendText(b []byte) ([]byte, error) {
	if d.d == 0 {
		return b, nil
	}
	return d.appendTo(b), nil
}

// MarshalText writes d as "2006-01-02" (empty for the zero Date).
func (d Date) MarshalText() ([]byte, error) {
	if d.d == 0 {
		return []byte{}, nil
	}
	return d.appendTo(make([]byte, 0, 10)), nil
}

// UnmarshalText reads "2006-01-02"; the empty string gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, why := parseDate(string(b))
	if why != dateOK {
		// A *json.UnmarshalTypeError lets encoding/json add the field's
		// path, which DecodeJSON turns into an InputError naming it.
		return &json.UnmarshalTypeError{Value: clipValue(string(b)), Type: reflect.TypeOf(Date{})}
	}
	*d = v
	return nil
}

// daysFromCivil returns the days since 0000-03-01 of y-m-d (Howard Hinnant's
// algorithm, exact for the proleptic Gregorian calendar).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe
}

func civilFromDays(z int) (y, m, d int) {
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = (mp+2)%12 + 1
	if m <= 2 {
		y++
	}
	return y, m, d
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

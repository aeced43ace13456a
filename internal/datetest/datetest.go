// Package datetest holds the assertions the rule packages' tests share about
// dates: a date a rule would compute past 9999-12-31, and rules through time
// (issue 14) — the revision tables of dated parameters (施行日), the months
// a property test walks, the outcomes a rule may answer on any date
// (including 未施行, not in force) and the other-date refusal.
package datetest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
)

// RequireRefused asserts that err is the *hubrules.InputError of
// hubrules.CheckComputed for a date past 9999-12-31, with one field at path.
func RequireRefused(t testing.TB, err error, path string) {
	t.Helper()
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	require.Len(t, ie.Fields, 1)
	assert.Equal(t, path, ie.Fields[0].Path)
	assert.Equal(t, "date_range", ie.Fields[0].Code)
	assert.Contains(t, ie.Fields[0].Message.EN, "would pass 9999-12-31")
	assert.NotEmpty(t, ie.Fields[0].Message.ZH)
}

// Revision is one row of a revision table (issue 14): on Day, the
// parameter Param has the value Value — its typed JSON as ParamRef.JSON
// holds it, "" when it has no value that day and is listed as missing — and
// its source cites Cites, a part of the source's number, title, issuer or
// article.
type Revision struct {
	Param, Day, Value, Cites string
}

// Revisions checks every row against the basis that basisAt returns for
// the row's day: a rule family's table of each source revision date and the
// day before it.
func Revisions(t *testing.T, basisAt func(hubrules.Date) (hubrules.Basis, error), rows []Revision) {
	t.Helper()
	for _, r := range rows {
		b, err := basisAt(hubrules.MustParseDate(r.Day))
		require.NoError(t, err, r.Day)
		assert.Equal(t, r.Day, b.AsOf.String(), "the basis states the date asked")
		ref, ok := b.Param(r.Param)
		if r.Value == "" {
			assert.False(t, ok, "%s has no value on %s", r.Param, r.Day)
			assert.True(t, b.HasMissing(r.Param), "%s is listed missing on %s", r.Param, r.Day)
			continue
		}
		if !assert.True(t, ok, "%s has a value on %s", r.Param, r.Day) {
			continue
		}
		assert.Equal(t, r.Value, string(ref.JSON), "%s on %s", r.Param, r.Day)
		assert.False(t, ref.From.After(b.AsOf), "%s on %s: effective date %s", r.Param, r.Day, ref.From)
		s := ref.Source
		assert.Contains(t, s.Number+" "+s.Title.ZH+" "+s.Issuer+" "+s.Article, r.Cites, "%s on %s", r.Param, r.Day)
	}
}

// Months returns the first day of every month from January of from to
// December of to.
func Months(from, to int) []hubrules.Date {
	var out []hubrules.Date
	for y := from; y <= to; y++ {
		for m := time.January; m <= time.December; m++ {
			out = append(out, hubrules.NewDate(y, m, 1))
		}
	}
	return out
}

// Decided asserts that every check has one of the four outcomes a rule can
// answer on any date: pass, fail, not applicable or not in force.
func Decided(t testing.TB, checks []hubrules.Check, what string) {
	t.Helper()
	for _, c := range checks {
		switch c.Outcome {
		case hubrules.Pass, hubrules.Fail, hubrules.NotApplicable, hubrules.NotInForce:
		default:
			t.Errorf("%s: %s answered %q", what, c.Rule, c.Outcome)
		}
	}
}

// NotInForce asserts that err is the *hubrules.NotInForceError of rule and
// returns it.
func NotInForce(t testing.TB, err error, rule string) *hubrules.NotInForceError {
	t.Helper()
	var nif *hubrules.NotInForceError
	require.ErrorAs(t, err, &nif)
	assert.Equal(t, rule, nif.Rule)
	assert.NotEmpty(t, nif.Unset)
	return nif
}

// OtherDate asserts that err is the other_date *hubrules.InputError at path.
func OtherDate(t testing.TB, err error, path string) {
	t.Helper()
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	f, ok := ie.Field(path)
	require.True(t, ok, "want %s in %v", path, ie.Fields)
	assert.Equal(t, "other_date", f.Code)
}

// BasisAt returns, for a day, the basis of what prepare makes for it (an
// evaluator, a grader, a machine): the basisAt of Revisions.
func BasisAt[T interface{ Basis() hubrules.Basis }](prepare func(hubrules.Date) (T, error)) func(hubrules.Date) (hubrules.Basis, error) {
	return func(day hubrules.Date) (hubrules.Basis, error) {
		v, err := prepare(day)
		if err != nil {
			return hubrules.Basis{}, err
		}
		return v.Basis(), nil
	}
}

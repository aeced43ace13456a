package incubation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
	"github.com/hubrules/hubrules/internal/datetest"
)

// The three-member rule behind graduation's party form through the
// constitution's revisions (article 29 in 2002, 2007 and 2012, article 30
// from 2017), and the incubation term from NPI's start (2007-04-01).
func TestGraduationParams_Revisions(t *testing.T) {
	basisAt := datetest.BasisAt(func(day hubrules.Date) (*incubation.Machine, error) {
		return incubation.NewMachine(hubrules.Wuliqiao, day)
	})
	const p = incubation.ParamBranchMin
	datetest.Revisions(t, basisAt, []datetest.Revision{
		{Param: p, Day: "2002-11-13"},
		{Param: p, Day: "2002-11-14", Value: "3", Cites: "第十六次"},
		{Param: p, Day: "2007-10-20", Value: "3", Cites: "（2002年修改）"},
		{Param: p, Day: "2007-10-21", Value: "3", Cites: "第十七次"},
		{Param: p, Day: "2012-11-13", Value: "3", Cites: "第二十九条"},
		{Param: p, Day: "2012-11-14", Value: "3", Cites: "第十八次"},
		{Param: p, Day: "2017-10-23", Value: "3", Cites: "第十八次"},
		{Param: p, Day: "2017-10-24", Value: "3", Cites: "第三十条"},
		{Param: p, Day: "2022-10-21", Value: "3", Cites: "第十九次"},
		{Param: p, Day: "2022-10-22", Value: "3", Cites: "第二十次"},
		{Param: incubation.ParamTermMonths, Day: "2007-03-31"},
		{Param: incubation.ParamTermMonths, Day: "2007-04-01", Value: "12", Cites: "恩派"},
		{Param: incubation.ParamExtensionMax, Day: "2003-01-01", Value: "1", Cites: "hubrules"},
	})
}

// A firing is decided under the parameters of its own date: a machine
// prepared in 2024 refuses an admission of 2005 because no incubation term
// was in force then (INC-PERIOD-01 not in force, with the day it starts),
// decides one of 2019 on 2019's basis, and with resolved parameters refuses
// another date as bad input.
func TestFire_OtherDate(t *testing.T) {
	m := machine(t)
	rec := incubation.NewRecord("org-1")
	next, dec, err := m.Fire(rec, incubation.Admit, admitFacts(), hubrules.MustParseDate("2005-06-30"))
	require.NoError(t, err)
	assert.False(t, dec.Fired())
	assert.Equal(t, []string{incubation.RulePeriod}, dec.UnmetRules())
	assert.Equal(t, incubation.Applied, next.State, "refused: the state stays")
	u := dec.Unmet()[0]
	assert.Equal(t, incubation.ParamTermMonths, u.Param)
	assert.Contains(t, u.Message.EN, "term.months is in force from 2007-04-01")
	assert.Contains(t, u.Message.ZH, "未施行")
	assert.Equal(t, "2005-06-30", dec.Basis.AsOf.String())

	_, dec, err = m.Fire(rec, incubation.Admit, admitFacts(), hubrules.MustParseDate("2019-06-30"))
	require.NoError(t, err)
	assert.True(t, dec.Fired())
	assert.Equal(t, "2019-06-30", dec.Basis.AsOf.String(), "the basis states the date asked")
	for _, p := range dec.Basis.Params {
		assert.False(t, p.From.After(dec.Basis.AsOf), p.Name)
	}

	p, b, err := incubation.Resolve(hubrules.Kaixuan, day0)
	require.NoError(t, err)
	given, err := incubation.NewMachine(hubrules.Kaixuan, day0, incubation.WithResolved(p, b))
	require.NoError(t, err)
	_, _, err = given.Fire(rec, incubation.Admit, admitFacts(), hubrules.MustParseDate("2019-06-30"))
	datetest.OtherDate(t, err, "date")
	_, dec, err = given.Fire(rec, incubation.Admit, admitFacts(), day0)
	require.NoError(t, err)
	assert.True(t, dec.Fired())
}

// Every shipped programme, on the first day of every month from 2003 to
// 2026: the machine is prepared, and admission, promotion and graduation
// are decided; a refusal names only unmet criteria, and an unmet criterion
// whose parameter had no value says its rule is not in force.
func TestEveryProgrammeEveryMonth_IncubationAnswers(t *testing.T) {
	set := incubation.DefaultParamSet()
	for _, prog := range hubrules.Programmes() {
		for _, day := range datetest.Months(2003, 2026) {
			what := string(prog) + " " + day.String()
			m, err := incubation.NewMachine(prog, day, incubation.WithParams(set))
			require.NoError(t, err, what)
			rec := incubation.NewRecord("o")
			for _, tr := range []incubation.Trigger{incubation.Admit, incubation.Promote, incubation.Graduate} {
				next, dec, err := m.Fire(rec, tr, goodFacts(tr), day)
				require.NoError(t, err, what)
				for _, c := range dec.Unmet() {
					require.NotEmpty(t, c.Param, "%s %s: only a parameter not in force refuses good facts", what, tr)
					assert.True(t, m.Basis().HasMissing(c.Param), "%s %s", what, c.Param)
					assert.Contains(t, c.Message.EN, "not in force", what)
				}
				if !dec.Fired() {
					break
				}
				rec = next
			}
		}
	}
}

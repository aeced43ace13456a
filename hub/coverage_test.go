package hub_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files under testdata/")

func TestRate_PercentHalfUp(t *testing.T) {
	cases := []struct {
		num, den int
		want     string
	}{
		{14, 32, "43.8"}, {24, 32, "75.0"}, {32, 32, "100.0"}, {1, 3, "33.3"}, {2, 3, "66.7"},
		{1, 8, "12.5"}, {1, 16, "6.3"}, {0, 5, "0.0"}, {1, 2000, "0.1"}, {1, 2001, "0.0"},
	}
	for _, tc := range cases {
		r := hub.NewRate(tc.num, tc.den)
		assert.Equal(t, tc.want, r.Percent(), "%d/%d", tc.num, tc.den)
	}
	assert.False(t, hub.NewRate(0, 0).Defined())
	b, err := json.Marshal(hub.NewRate(14, 32))
	require.NoError(t, err)
	assert.JSONEq(t, `{"numerator":14,"denominator":32,"percent":"43.8"}`, string(b))
	b, _ = json.Marshal(hub.NewRate(0, 0))
	assert.JSONEq(t, `{"numerator":0,"denominator":0,"percent":null}`, string(b))
	assert.Equal(t, "14/32 = 43.8%", hub.NewRate(14, 32).String())
}

func wuliqiao(t testing.TB) hub.Members {
	return decodedMembers(t, fixture(t, "wuliqiao_members.json"))
}

func decodedMembers(t testing.TB, data []byte) hub.Members {
	t.Helper()
	m, err := hub.DecodeMembers(data)
	require.NoError(t, err)
	return m
}

func TestHUB_COV_01_WuliqiaoSeed(t *testing.T) {
	c := checker(t, hubrules.Wuliqiao)
	r, err := c.Coverage(wuliqiao(t), asOf)
	require.NoError(t, err)
	assert.Equal(t, 32, r.Total)
	assert.Equal(t, hub.FormCounts{OwnBranch: 8, ActivityBranch: 6, Liaison: 18}, r.Forms)
	assert.Equal(t, "14/32 = 43.8%", r.Organizational.String())
	assert.Equal(t, "32/32 = 100.0%", r.Work.String())
	assert.Equal(t, "14/14 = 100.0%", r.CrossAppointment.String(), "organizations, of those with a party organization")
	require.NotNil(t, r.CrossAppointedPersons)
	assert.Equal(t, 24, *r.CrossAppointedPersons)
	assert.Equal(t, "24/32 = 75.0%", r.CrossAppointmentPersons.String(), "wuliqiao's 75 %: persons / member organizations")
	assert.Equal(t, "25.0", r.FormRates.OwnBranch.Percent())
	assert.Equal(t, "56.3", r.FormRates.Liaison.Percent())
	assert.Equal(t, "18.8", r.FormRates.ActivityBranch.Percent())
	assert.Len(t, r.ByCategory, 4)
	total := 0
	for _, cc := range r.ByCategory {
		total += cc.Forms.Total()
		assert.Equal(t, cc.Forms.Total(), cc.Work.Numerator)
	}
	assert.Equal(t, 32, total)
	assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleCov01))
	assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleCov02))
	assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleXapt01))
	assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleCensus01))
	assert.True(t, r.Report.Compliant())
	// The target and the census period are stand-ins, and the 2022
	// constitution's article number was not read: the caller sees it.
	var names []string
	for _, p := range r.Report.Basis.Unverified() {
		names = append(names, p.Name)
	}
	assert.ElementsMatch(t, []string{"xapt.target_percent", "census.refresh_months", "form.own_branch_min_formal"}, names)
	assert.Contains(t, r.Describe(hubrules.EN), "xapt.target_percent(illustrative)")
	assert.Contains(t, r.Describe(hubrules.ZH), "组织覆盖 14/32 = 43.8%")
	golden(t, "wuliqiao_coverage.golden.json", r)

	// Results round-trip through JSON.
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back hub.CoverageResult
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, r, back)
	var bad hub.Rate
	require.ErrorIs(t, json.Unmarshal([]byte(`{"numerator":1,"denominator":3,"percent":"33.4"}`), &bad), hubrules.ErrInvalidInput)
}

func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	path := filepath.Join("testdata", name)
	if *updateGolden {
		require.NoError(t, os.WriteFile(path, append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.JSONEq(t, string(want), string(got))
}

func member(id string, form hubrules.PartyForm, formal int) hub.Member {
	return hub.Member{ID: id, Form: form, FormalMembers: hubrules.Ptr(formal), CensusOn: hubrules.MustParseDate("2024-01-01")}
}

func TestHUB_COV_01_WorkCoverageGap(t *testing.T) {
	c := checker(t, hubrules.National)
	r, err := c.Coverage(hub.Members{Hub: "h", Members: []hub.Member{member("a", hubrules.Liaison, 0), member("b", hubrules.NoPartyForm, 0)}}, asOf)
	require.NoError(t, err)
	assert.Equal(t, "1/2 = 50.0%", r.Work.String())
	assert.Equal(t, hubrules.Fail, r.Report.Outcome(hub.RuleCov01))
	r, err = c.Coverage(hub.Members{Hub: "h"}, asOf)
	require.NoError(t, err)
	assert.Equal(t, hubrules.NotApplicable, r.Report.Outcome(hub.RuleCov01))
	assert.Equal(t, hubrules.NotApplicable, r.Report.Outcome(hub.RuleXapt01))
}

func TestHUB_COV_02_Shortfalls(t *testing.T) {
	c := checker(t, hubrules.National)
	cases := []struct {
		form   hubrules.PartyForm
		formal int
		short  bool
	}{
		{hubrules.Liaison, 0, false},
		{hubrules.NoPartyForm, 0, true},
		{hubrules.Liaison, 1, true},
		{hubrules.JointBranch, 2, false},
		{hubrules.ActivityBranch, 2, false},
		{hubrules.JointBranch, 3, true},
		{hubrules.Liaison, 4, true},
		{hubrules.OwnBranch, 3, false},
	}
	for _, tc := range cases {
		r, err := c.Coverage(hub.Members{Members: []hub.Member{member("o", tc.form, tc.formal)}}, asOf)
		require.NoError(t, err)
		if tc.short {
			require.Len(t, r.Shortfalls, 1, "%s/%d", tc.form, tc.formal)
			assert.Equal(t, hubrules.Fail, r.Report.Outcome(hub.RuleCov02))
			f := r.Report.FindingsFor(hub.RuleCov02)
			require.Len(t, f, 1)
			assert.Equal(t, "o", f[0].Subject)
		} else {
			assert.Empty(t, r.Shortfalls, "%s/%d", tc.form, tc.formal)
			assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleCov02))
		}
	}
	// An own branch below 3 formal members is flagged under HUB-FORM-01.
	r, err := c.Coverage(hub.Members{Members: []hub.Member{member("o", hubrules.OwnBranch, 2)}}, asOf)
	require.NoError(t, err)
	require.Len(t, r.Report.FindingsFor(hub.RuleForm01), 1)
	assert.Equal(t, hubrules.Warning, r.Report.FindingsFor(hub.RuleForm01)[0].Severity)
}

func TestHUB_XAPT_01_CountsPersons(t *testing.T) {
	c := checker(t, hubrules.Wuliqiao)
	edit := func(f func(ms []hub.Member)) hub.Members {
		m := wuliqiao(t)
		f(m.Members)
		return m
	}
	byID := func(ms []hub.Member, id string) *hub.Member {
		for i := range ms {
			if ms[i].ID == id {
				return &ms[i]
			}
		}
		t.Fatalf("no member %s", id)
		return nil
	}
	cases := []struct {
		name    string
		members hub.Members
		outcome hubrules.Outcome
		orgs    string // cross-appointed organizations / with a party organization
		persons string // persons / member organizations ("" undefined)
		errPath string
	}{
		{name: "the seed: 24 persons in 14 organizations, 24/32 = 75.0 % meets the target", members: wuliqiao(t),
			outcome: hubrules.Pass, orgs: "14/14 = 100.0%", persons: "24/32 = 75.0%"},
		{name: "one person fewer: 23/32 = 71.9 % is below", members: edit(func(ms []hub.Member) { *byID(ms, "wlq-01").CrossAppointedPersons = 1 }),
			outcome: hubrules.Fail, orgs: "14/14 = 100.0%", persons: "23/32 = 71.9%"},
		{name: "one organization fewer, its 2 persons too", members: edit(func(ms []hub.Member) {
			m := byID(ms, "wlq-01")
			m.CrossAppointed, m.CrossAppointedPersons = false, nil
		}), outcome: hubrules.Fail, orgs: "13/14 = 92.9%", persons: "22/32 = 68.8%"},
		{name: "persons without the flag count the organization", members: edit(func(ms []hub.Member) { byID(ms, "wlq-01").CrossAppointed = false }),
			outcome: hubrules.Pass, orgs: "14/14 = 100.0%", persons: "24/32 = 75.0%"},
		{name: "a cross-appointed organization without its count: no record, not a pass", members: edit(func(ms []hub.Member) { byID(ms, "wlq-01").CrossAppointedPersons = nil }),
			outcome: hubrules.NotApplicable, orgs: "14/14 = 100.0%"},
		{name: "a liaison-only organization cannot be cross-appointed", members: edit(func(ms []hub.Member) { byID(ms, "wlq-15").CrossAppointed = true }),
			errPath: "members[14].cross_appointed"},
		{name: "nor have cross-appointed persons", members: edit(func(ms []hub.Member) { byID(ms, "wlq-15").CrossAppointedPersons = hubrules.Ptr(1) }),
			errPath: "members[14].cross_appointed_persons"},
		{name: "flagged with 0 persons contradicts itself", members: edit(func(ms []hub.Member) { *byID(ms, "wlq-01").CrossAppointedPersons = 0 }),
			errPath: "members[0].cross_appointed_persons"},
		{name: "a negative count", members: edit(func(ms []hub.Member) { *byID(ms, "wlq-01").CrossAppointedPersons = -2 }),
			errPath: "members[0].cross_appointed_persons"},
		{name: "no members", members: hub.Members{Hub: "h"}, outcome: hubrules.NotApplicable, orgs: "0/0", persons: "0/0"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := c.Coverage(tc.members, asOf)
			if tc.errPath != "" {
				requireField(t, err, tc.errPath)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.outcome, r.Report.Outcome(hub.RuleXapt01))
			assert.Equal(t, tc.orgs, r.CrossAppointment.String())
			if tc.persons == "" {
				assert.Nil(t, r.CrossAppointedPersons)
				assert.False(t, r.CrossAppointmentPersons.Defined())
				require.Len(t, r.Report.FindingsFor(hub.RuleXapt01), 1)
				assert.Equal(t, "wlq-01", r.PersonsUnknown[0])
			} else {
				assert.Equal(t, tc.persons, r.CrossAppointmentPersons.String())
			}
			if tc.outcome == hubrules.Fail {
				require.Len(t, r.Report.FindingsFor(hub.RuleXapt01), 1)
				assert.Equal(t, hubrules.Warning, r.Report.FindingsFor(hub.RuleXapt01)[0].Severity)
			}
		})
	}
	ms := edit(func(ms []hub.Member) { *byID(ms, "wlq-01").CrossAppointedPersons = 1 })

	// A caller's own target (an overlay) replaces the stand-in.
	own := hubrules.MustParseParams([]byte(`package: hub
parameters:
  xapt.target_percent:
    description: {zh: 交叉任职率目标}
    values:
      - {programme: national, from: 2020-01-01, value: "70", confidence: verified, source: {document: 某区文件}}
`))
	c2, err := hub.NewChecker(hubrules.Wuliqiao, asOf, hub.WithParams(hub.DefaultParamSet().Overlay(own)))
	require.NoError(t, err)
	r, err := c2.Coverage(ms, asOf)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleXapt01))
	assert.Equal(t, "70.0", r.CrossAppointmentTarget)
}

func TestHUB_CENSUS_01_Freshness(t *testing.T) {
	c := checker(t, hubrules.National)
	d := hubrules.MustParseDate
	cases := []struct {
		census string
		stale  bool
	}{
		{"2023-06-30", false}, // exactly 12 months
		{"2023-06-29", true},
		{"2024-06-30", false},
		{"", true}, // missing
	}
	for _, tc := range cases {
		m := member("o", hubrules.Liaison, 0)
		m.CensusOn = hubrules.Date{}
		if tc.census != "" {
			m.CensusOn = d(tc.census)
		}
		r, err := c.Coverage(hub.Members{Members: []hub.Member{m}}, asOf)
		require.NoError(t, err)
		if tc.stale {
			assert.Equal(t, hubrules.Fail, r.Report.Outcome(hub.RuleCensus01), tc.census)
			assert.Len(t, r.Report.FindingsFor(hub.RuleCensus01), 1)
		} else {
			assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleCensus01), tc.census)
		}
	}
}

func TestHUB_COV_01_BadInput(t *testing.T) {
	c := checker(t, hubrules.National)
	good := member("a", hubrules.Liaison, 0)
	cases := []struct {
		name string
		m    hub.Member
		path string
	}{
		{"negative count", hub.Member{ID: "x", Form: hubrules.Liaison, FormalMembers: hubrules.Ptr(-1)}, "members[1].formal_members"},
		{"unknown form", hub.Member{ID: "x", FormalMembers: hubrules.Ptr(0), Form: "cell"}, "members[1].form"},
		{"unknown category", hub.Member{ID: "x", FormalMembers: hubrules.Ptr(0), Form: hubrules.Liaison, Category: "sports"}, "members[1].category"},
		{"duplicate id", hub.Member{ID: "a", FormalMembers: hubrules.Ptr(0), Form: hubrules.Liaison}, "members[1].id"},
		{"missing id", hub.Member{Form: hubrules.Liaison}, "members[1].id"},
		{"census after as_of", hub.Member{ID: "x", FormalMembers: hubrules.Ptr(0), Form: hubrules.Liaison, CensusOn: hubrules.MustParseDate("2024-07-01")}, "members[1].census_on"},
		{"cross-appointed without coverage", hub.Member{ID: "x", FormalMembers: hubrules.Ptr(0), Form: hubrules.NoPartyForm, CrossAppointed: true}, "members[1].cross_appointed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := []hub.Member{good, tc.m}
			_, err := c.Coverage(hub.Members{Members: in}, asOf)
			inputError(t, err, tc.path)
			assert.Equal(t, good, in[0], "input not modified")
		})
	}
	_, err := hub.DecodeMembers([]byte(`{"hub":"h","members":[{"id":"a","form":"liaison","formal_members":-2}]}`))
	inputError(t, err, "members[0].formal_members")
	_, err = hub.DecodeMembers([]byte(`{"hub":"h","members":[{"id":"a","form":"liaison","formal_members":0},{"id":"a","form":"liaison","formal_members":0}]}`))
	inputError(t, err, "members[1].id")
	_, err = hub.DecodeMembers([]byte(`{"hub":"h","members":[{"id":"a","form":"liaison","census_on":"2024-02-30"}]}`))
	require.ErrorIs(t, err, hubrules.ErrInvalidInput)
}

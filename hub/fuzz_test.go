package hub_test

import (
	"errors"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

var farFuture = hubrules.MustParseDate("9999-12-31")

func FuzzDecodeMembers(f *testing.F) {
	f.Add(fixture(f, "wuliqiao_members.json"))
	f.Add([]byte(`{"hub":"h","members":[{"id":"a","form":"liaison","formal_members":0}]}`))
	f.Add([]byte(`{"hub":"h","members":[{"id":"a","form":"cell","formal_members":-1,"census_on":"2024-02-30"}]}`))
	f.Add([]byte(`{"hub":"h","members":[{"id":"a","form":"none","cross_appointed":true},{"id":"a"}]}`))
	f.Add([]byte(`[[[[`))
	f.Add(fixture(f, "../../cmd/hubrules/testdata/check-statistics.json"))
	f.Add([]byte(`{"hub":"h","joint_bodies":[{"id":"j","kind":"joint_branch"}],"members":[{"id":"a","form":"joint_branch","formal_members":1,"joint_body":"j","persons":["p"]},{"id":"b","form":"own_branch","formal_members":1,"persons":["p"]}]}`))
	c := checker(f, hubrules.National)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := hub.DecodeMembers(data)
		if err != nil {
			require.True(t, errors.Is(err, hubrules.ErrInvalidInput), "%v", err)
			return
		}
		r, err := c.Coverage(m, farFuture)
		require.NoError(t, err, "a decoded member list must evaluate")
		assert.Equal(t, len(m.Members), r.Total)
		assert.LessOrEqual(t, r.Organizational.Numerator, r.Work.Numerator)
		assert.LessOrEqual(t, r.CrossAppointment.Numerator, r.CrossAppointment.Denominator)
		st, err := c.Statistics(m, farFuture)
		require.NoError(t, err, "a decoded member list gives its statistics")
		assert.Equal(t, len(m.Members), st.Organizations.Count)
		assert.Equal(t, r.Organizational.Numerator, st.WithPartyOrg.Count, "statistics and coverage agree")
		assert.GreaterOrEqual(t, st.FormalMembers.Count, 0)
	})
}

func FuzzCoverage(f *testing.F) {
	f.Add(uint8(32), "liaison", "charity", 0, true, 100)
	f.Add(uint8(3), "own_branch", "", 2, false, -1)
	f.Add(uint8(2), "cell", "sports", -4, true, 400)
	f.Add(uint8(0), "none", "governance", 1, true, 0)
	forms := []hubrules.PartyForm{hubrules.OwnBranch, hubrules.JointBranch, hubrules.ActivityBranch, hubrules.Liaison, hubrules.NoPartyForm}
	c := checker(f, hubrules.Kaixuan)
	f.Fuzz(func(t *testing.T, n uint8, form, cat string, formal int, xapt bool, censusAgo int) {
		ms := make([]hub.Member, int(n))
		for i := range ms {
			fm := hubrules.PartyForm(form)
			if i%2 == 1 {
				fm = forms[i%len(forms)]
			}
			ms[i] = hub.Member{ID: "o" + strconv.Itoa(i), Form: fm, Category: hub.Category(cat), FormalMembers: hubrules.Ptr(formal + i%4), CrossAppointed: xapt && i%3 == 0}
			if censusAgo >= 0 && censusAgo < 100000 {
				ms[i].CensusOn = asOf.AddDays(-censusAgo - i)
			}
		}
		r, err := c.Coverage(hub.Members{Hub: "h", Members: ms}, asOf)
		if err != nil {
			var ie *hubrules.InputError
			require.True(t, errors.As(err, &ie))
			require.NotEmpty(t, ie.Fields)
			return
		}
		assert.Equal(t, int(n), r.Total)
		assert.Equal(t, r.Total, r.Forms.Total())
		sum := 0
		for _, cc := range r.ByCategory {
			sum += cc.Forms.Total()
		}
		assert.Equal(t, r.Total, sum)
		assert.LessOrEqual(t, r.Organizational.Tenths(), r.Work.Tenths())
		assert.LessOrEqual(t, r.Work.Tenths(), 1000)
		assert.Equal(t, r.Report.Outcome(hub.RuleCov02) == hubrules.Fail, len(r.Shortfalls) > 0)
	})
}

func FuzzDecodeStructure(f *testing.F) {
	f.Add(fixture(f, "kaixuan_structure.json"))
	f.Add(fixture(f, "jingan_structure.json"))
	f.Add([]byte(`{"hub":"h","bodies":[{"id":"a","kind":"branch","parent":"a","formal_members":3,"committee_size":0}]}`))
	f.Add([]byte(`{"hub":"h","bodies":[{"id":"j1","kind":"joint_branch","units":["x"]},{"id":"j2","kind":"joint_branch","units":["x"]}]}`))
	f.Add([]byte(`{"hub":"h","bodies":[{"id":"b","kind":"branch","formal_members":3,"committee_size":0,"elected_on":"2001-01-01","term_years":2},{"id":"g","kind":"general_branch","formal_members":60,"committee_size":5,"elected_on":"2013-03-01","community":true}]}`))
	c := checker(f, hubrules.National)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := hub.DecodeStructure(data)
		if err != nil {
			require.True(t, errors.Is(err, hubrules.ErrInvalidInput), "%v", err)
			return
		}
		r, err := c.CheckStructure(s, farFuture)
		require.NoError(t, err)
		assert.Equal(t, len(s.Bodies), r.Committees+r.GeneralBranches+r.Branches+r.JointBranches+r.ActivityBranches)
	})
}

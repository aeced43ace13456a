package incubation_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
)

func TestINC_CLASS_01_StrategyPerClass(t *testing.T) {
	s, err := incubation.StrategyFor(incubation.Sprouting)
	require.NoError(t, err)
	assert.Equal(t, "INC-CLASS-01", s.Rule)
	assert.Contains(t, s.Measures, hubrules.T("公益创投种子基金", "venture-philanthropy seed fund"))
	assert.Contains(t, s.Measures, hubrules.T("社区公益项目创投大赛", "community project venture contest"))
	s, err = incubation.StrategyFor(incubation.GrowingOrg)
	require.NoError(t, err)
	assert.Contains(t, s.Name.ZH, "以评促建")
	s, err = incubation.StrategyFor(incubation.Supporting)
	require.NoError(t, err)
	assert.Contains(t, s.Name.ZH, "合作发展")
	_, err = incubation.StrategyFor("giant")
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)

	// kaixuan's words for the first two classes: 初创型 and 成长型
	assert.Equal(t, "初创型", incubation.Sprouting.Name(hubrules.Kaixuan).ZH)
	assert.Equal(t, "萌芽型", incubation.Sprouting.Name(hubrules.Wuliqiao).ZH)
	assert.Equal(t, "成长型", incubation.GrowingOrg.Name(hubrules.Kaixuan).ZH)
	assert.Equal(t, "支持性", incubation.Supporting.Name(hubrules.Wuliqiao).ZH)
}

func TestINC_CLASS_01_MachineSetsClass(t *testing.T) {
	m := machine(t)
	inc := recordIn(t, m, incubation.Incubating)
	assert.Equal(t, incubation.Sprouting, inc.Class, "admitted without a class: sprouting")
	grown := recordIn(t, m, incubation.Growing)
	assert.Equal(t, incubation.GrowingOrg, grown.Class, "promote makes it growing")
	f := admitFacts()
	f.Class = incubation.Supporting
	r, _ := fire(t, m, incubation.NewRecord("阳光善行"), incubation.Admit, f, day0)
	assert.Equal(t, incubation.Supporting, r.Class)
}

func TestINC_PATH_01_OneLevelAtATime(t *testing.T) {
	levels := []incubation.PathLevel{incubation.ResidentActivist, incubation.PioneerGroup, incubation.CommunityOrg, incubation.HubOrg}
	for i, from := range levels {
		for j, to := range levels {
			s, err := incubation.StepPath(from, to)
			require.NoError(t, err)
			if j == i+1 {
				assert.True(t, s.Allowed, "%s → %s", from, to)
				assert.Nil(t, s.Finding)
				continue
			}
			assert.False(t, s.Allowed, "%s → %s", from, to)
			require.NotNil(t, s.Finding)
			assert.Equal(t, "INC-PATH-01", s.Finding.Rule)
		}
	}
	s, _ := incubation.StepPath(incubation.ResidentActivist, incubation.CommunityOrg)
	assert.Contains(t, s.Finding.Message.EN, "skipping is refused")
	_, err := incubation.StepPath("x", "y")
	var ie *hubrules.InputError
	require.True(t, errors.As(err, &ie))
	assert.Len(t, ie.Fields, 2)
	assert.Equal(t, "枢纽型社会组织", incubation.HubOrg.Name().ZH)
}

func TestINC_NET_01_ExactlyOneBase(t *testing.T) {
	m := machine(t)
	r, err := m.CheckNetwork([]incubation.Enrolment{
		{Subject: "a", Base: incubation.DistrictBase},
		{Subject: "b", Base: incubation.SocialBase},
		{Subject: "a", Base: incubation.PracticePark},
		{Subject: "c", Base: incubation.PracticePark},
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"INC-NET-01"}, r.FailedRules())
	require.Len(t, r.Findings, 1)
	assert.Equal(t, "a", r.Findings[0].Subject)
	assert.Equal(t, []hubrules.Fact{{Name: "base", Value: "district_base"}, {Name: "base", Value: "practice_park"}}, r.Findings[0].Facts)
	assert.Len(t, r.Checks, 3)

	_, err = m.CheckNetwork([]incubation.Enrolment{{Subject: "a", Base: incubation.DistrictBase}, {Subject: "a", Base: incubation.DistrictBase}})
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput, "the same enrolment twice is malformed")
	_, err = m.CheckNetwork([]incubation.Enrolment{{Subject: "", Base: "moon"}})
	var ie *hubrules.InputError
	require.True(t, errors.As(err, &ie))
	assert.Len(t, ie.Fields, 2)

	// in jingan admission needs a base: none is an unmet INC-NET-01 criterion
	jm, err := incubation.NewMachine(hubrules.Jingan, day0)
	require.NoError(t, err)
	f := admitFacts()
	f.Base = ""
	_, dec := fire(t, jm, incubation.NewRecord("x"), incubation.Admit, f, day0)
	assert.Equal(t, []string{"INC-NET-01"}, dec.UnmetRules())
}

// The network report says what it was decided on: the machine's programme
// and date, and no parameter (INC-NET-01 reads none), so its Describe
// header names the programme instead of being empty.
func TestINC_NET_01_ReportBasis(t *testing.T) {
	date := hubrules.MustParseDate("2018-12-31")
	m, err := incubation.NewMachine(hubrules.Jingan, date)
	require.NoError(t, err)
	r, err := m.CheckNetwork([]incubation.Enrolment{
		{Subject: "a", Base: incubation.DistrictBase},
		{Subject: "a", Base: incubation.SocialBase},
	})
	require.NoError(t, err)
	assert.Equal(t, hubrules.Jingan, r.Basis.Programme)
	assert.Equal(t, date, r.Basis.AsOf)
	assert.Empty(t, r.Basis.Params, "INC-NET-01 reads no parameter")
	assert.Empty(t, r.Basis.Unverified())
	assert.NotEmpty(t, m.Basis().Params, "the machine's own parameters are not the network check's")
	for _, lang := range []hubrules.Lang{hubrules.ZH, hubrules.EN} {
		header, _, _ := strings.Cut(r.Describe(lang), "\n")
		assert.NotEmpty(t, strings.TrimSpace(header), lang)
		assert.Contains(t, header, "jingan", lang)
		assert.Contains(t, header, "2018-12-31", lang)
	}
	// an empty registry has the same basis and no checks
	r, err = m.CheckNetwork(nil)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Jingan, r.Basis.Programme)
	assert.Empty(t, r.Checks)
	assert.True(t, r.Compliant())
}

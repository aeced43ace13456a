package setup_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/hub"
	"github.com/hubrules/hubrules/incubation"
)

var day = hubrules.MustParseDate("2024-06-30")

func paths(t *testing.T, err error) []string {
	t.Helper()
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	var out []string
	for _, f := range ie.Fields {
		require.NotEmpty(t, f.Message.ZH)
		require.NotEmpty(t, f.Message.EN)
		out = append(out, f.Path)
	}
	return out
}

// Every constructor of every rule package refuses the same things the same
// way.
func TestConstructors_RefuseAlike(t *testing.T) {
	type ctor func(hubrules.Programme, hubrules.Date, *hubrules.ParamSet, bool) error
	ctors := map[string]ctor{
		"hub.NewChecker": func(p hubrules.Programme, d hubrules.Date, s *hubrules.ParamSet, give bool) error {
			opts := []hub.Option{}
			if give {
				opts = append(opts, hub.WithParams(s))
			}
			_, err := hub.NewChecker(p, d, opts...)
			return err
		},
		"hub.NewSyncChecker": func(p hubrules.Programme, d hubrules.Date, s *hubrules.ParamSet, give bool) error {
			opts := []hub.Option{}
			if give {
				opts = append(opts, hub.WithParams(s))
			}
			_, err := hub.NewSyncChecker(p, d, opts...)
			return err
		},
		"grading.NewGrader": func(p hubrules.Programme, d hubrules.Date, s *hubrules.ParamSet, give bool) error {
			opts := []grading.Option{}
			if give {
				opts = append(opts, grading.WithParams(s))
			}
			_, err := grading.NewGrader(p, d, opts...)
			return err
		},
		"grading.NewStanding": func(p hubrules.Programme, d hubrules.Date, s *hubrules.ParamSet, give bool) error {
			opts := []grading.Option{}
			if give {
				opts = append(opts, grading.WithParams(s))
			}
			_, err := grading.NewStanding(p, d, opts...)
			return err
		},
		"funding.NewEvaluator": func(p hubrules.Programme, d hubrules.Date, s *hubrules.ParamSet, give bool) error {
			opts := []funding.Option{}
			if give {
				opts = append(opts, funding.WithParams(s))
			}
			_, err := funding.NewEvaluator(p, d, opts...)
			return err
		},
		"incubation.NewMachine": func(p hubrules.Programme, d hubrules.Date, s *hubrules.ParamSet, give bool) error {
			opts := []incubation.Option{}
			if give {
				opts = append(opts, incubation.WithParams(s))
			}
			_, err := incubation.NewMachine(p, d, opts...)
			return err
		},
	}
	for name, c := range ctors {
		require.NoError(t, c(hubrules.National, day, nil, false), name)
		assert.Equal(t, []string{"programme"}, paths(t, c("nowhere", day, nil, false)), name)
		assert.Equal(t, []string{"date"}, paths(t, c(hubrules.National, hubrules.Date{}, nil, false)), name)
		assert.Equal(t, []string{"params"}, paths(t, c(hubrules.National, day, nil, true)), name)
	}
}

func TestWithResolved_BasisMustMatch(t *testing.T) {
	p, b, err := hub.Resolve(hubrules.Kaixuan, day)
	require.NoError(t, err)
	c, err := hub.NewChecker(hubrules.Kaixuan, day, hub.WithResolved(p, b))
	require.NoError(t, err)
	assert.Equal(t, hubrules.Kaixuan, c.Basis().Programme)

	_, err = hub.NewChecker(hubrules.Jingan, day, hub.WithResolved(p, b))
	assert.Equal(t, []string{"basis.programme"}, paths(t, err))
	_, err = hub.NewChecker(hubrules.Kaixuan, day.AddDays(1), hub.WithResolved(p, b))
	assert.Equal(t, []string{"basis.as_of"}, paths(t, err))
	_, err = hub.NewChecker(hubrules.Kaixuan, day, hub.WithResolved(p, b), hub.WithParams(hub.DefaultParamSet()))
	assert.Equal(t, []string{"params"}, paths(t, err))
	// Params resolved for one checker do not fit the other.
	_, err = hub.NewSyncChecker(hubrules.Kaixuan, day, hub.WithResolved(p, b))
	assert.Equal(t, []string{"params"}, paths(t, err))
	sp, sb, err := hub.ResolveSync(hubrules.Kaixuan, day)
	require.NoError(t, err)
	_, err = hub.NewSyncChecker(hubrules.Kaixuan, day, hub.WithResolved(sp, sb))
	require.NoError(t, err)

	// A hand-made basis with neither programme nor date takes the call's.
	ip, _, err := incubation.Resolve(hubrules.National, day)
	require.NoError(t, err)
	m, err := incubation.NewMachine(hubrules.National, day, incubation.WithResolved(ip, hubrules.Basis{}))
	require.NoError(t, err)
	assert.Equal(t, day, m.Basis().AsOf)

	_, err = grading.NewStanding(hubrules.National, day, grading.WithResolved(grading.Params{}, hubrules.Basis{}))
	assert.Equal(t, []string{"params"}, paths(t, err))
}

// One date per decision (issue 14): whatever its own date, a Standing
// answers a date under the measures in force on that date, never under an
// earlier date's.
func TestNewStanding_AnswersEachDateUnderItsMeasures(t *testing.T) {
	early, err := grading.NewStanding(hubrules.National, hubrules.MustParseDate("2020-01-01"))
	require.NoError(t, err)
	late, err := grading.NewStanding(hubrules.National, hubrules.MustParseDate("2030-01-01"))
	require.NoError(t, err)
	asked := hubrules.MustParseDate("2029-01-01")
	me, ok := early.MeasuresAt(asked)
	require.True(t, ok)
	ml, ok := late.MeasuresAt(asked)
	require.True(t, ok)
	assert.Equal(t, "2026", me.Version, "the 2026 measures apply in 2029 for a standing prepared in 2020")
	assert.Equal(t, me, ml)
}

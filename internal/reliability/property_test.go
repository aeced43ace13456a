package reliability_test

import (
	"errors"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/hub"
	"github.com/hubrules/hubrules/internal/kinds"
)

// requireInputError fails unless err is an *hubrules.InputError whose
// fields all carry a code and both messages.
func requireInputError(t testing.TB, err error, input []byte) {
	t.Helper()
	var pe *panicError
	require.False(t, errors.As(err, &pe), "%v\ninput: %s", err, input)
	var ie *hubrules.InputError
	require.True(t, errors.As(err, &ie), "not an *hubrules.InputError: %T %v\ninput: %s", err, err, input)
	require.NotEmpty(t, ie.Fields, "input: %s", input)
	for _, f := range ie.Fields {
		require.NotEmpty(t, f.Code, "input: %s", input)
		require.NotEmpty(t, f.Message.ZH, "input: %s", input)
		require.NotEmpty(t, f.Message.EN, "input: %s", input)
	}
}

// Over random event logs the sync check never panics, gives a result or an
// InputError, gives the same answer twice and through the registry, and
// leaves the log as it was.
func TestSyncCheck_RandomLogs(t *testing.T) {
	asOf := day("2024-12-31")
	sc, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	require.NoError(t, err)
	k, ok := kinds.Lookup("check sync")
	require.True(t, ok)
	env := kinds.Env{Programme: hubrules.Kaixuan, Date: asOf}
	r := rand.New(rand.NewSource(20261121))
	results, refusals := 0, 0
	for i := range 400 {
		org := randomSyncOrg(r, asOf)
		before := mustJSON(t, org)
		check := func() ([]byte, error) {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("panic %v on %s", p, before)
				}
			}()
			res, err := sc.Check(org, asOf)
			if err != nil {
				return nil, err
			}
			return mustJSON(t, &res), nil
		}
		a, errA := check()
		b, errB := check()
		require.Equal(t, string(before), string(mustJSON(t, org)), "case %d: input changed", i)
		viaKind, errK := evalJSON(k, env, before)
		if errA != nil {
			refusals++
			requireInputError(t, errA, before)
			require.Error(t, errB)
			assert.Equal(t, errA.Error(), errB.Error(), "case %d", i)
			require.Error(t, errK, "case %d: the registry accepted %s", i, before)
			requireInputError(t, errK, before)
			continue
		}
		results++
		require.NoError(t, errB)
		assert.Equal(t, string(a), string(b), "case %d: two runs differ on %s", i, before)
		require.NoError(t, errK, "case %d", i)
		assert.Equal(t, string(a), string(viaKind), "case %d: the registry differs on %s", i, before)
	}
	// The generator must exercise both sides.
	assert.Greater(t, results, 100)
	assert.Greater(t, refusals, 20)
}

// Over random score sheets grading never panics, answers the same twice
// and leaves the sheet as it was.
func TestGrade_RandomSheets(t *testing.T) {
	r := rand.New(rand.NewSource(42))
	for _, p := range []hubrules.Programme{hubrules.National, hubrules.Lujiazui, hubrules.Xiyuan, hubrules.Kaixuan} {
		g, err := grading.NewGrader(p, day("2024-06-30"))
		require.NoError(t, err)
		for i := range 100 {
			s := randomSheet(r, g, i)
			before := mustJSON(t, s)
			a, errA := g.Grade(&s)
			b, errB := g.Grade(&s)
			require.Equal(t, string(before), string(mustJSON(t, s)), "%s case %d: sheet changed", p, i)
			if errA != nil {
				requireInputError(t, errA, before)
				require.Error(t, errB)
				assert.Equal(t, errA.Error(), errB.Error())
				continue
			}
			require.NoError(t, errB)
			assert.Equal(t, string(mustJSON(t, a)), string(mustJSON(t, b)), "%s case %d", p, i)
			// The sheet survives a JSON round trip with the same grade,
			// an empty Systems list ("has none") included.
			c := jsonCopy(t, s)
			res, err := g.Grade(&c)
			require.NoError(t, err)
			assert.Equal(t, a.Grade, res.Grade, "%s case %d: %s", p, i, before)
		}
	}
}

// A SyncBatch built from random logs, refused ones among them, answers for
// every organization it accepted exactly as Check does — a refused Add
// leaves nothing behind that could corrupt the others — and refuses only
// what Check refuses.
func TestSyncBatch_RandomLogs(t *testing.T) {
	asOf := day("2024-12-31")
	sc, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	require.NoError(t, err)
	r := rand.New(rand.NewSource(20261122))
	var batch hub.SyncBatch
	var added []hub.SyncOrg
	refused := 0
	for i := range 400 {
		org := randomSyncOrg(r, asOf)
		_, checkErr := sc.Check(org, asOf)
		if err := batch.Add(&org); err != nil {
			refused++
			requireInputError(t, err, mustJSON(t, org))
			require.Error(t, checkErr, "case %d: the batch refused what Check accepts: %v", i, err)
			continue
		}
		added = append(added, org)
	}
	require.Equal(t, len(added), batch.Len())
	assert.Greater(t, refused, 20)
	// Check every accepted organization as of two dates, one of them
	// before some of their events (an input error for both paths).
	for _, d := range []string{"2024-12-31", "2022-06-30"} {
		var got hub.SyncResult
		for i := range added {
			want, wantErr := sc.Check(added[i], day(d))
			err := sc.CheckBatchInto(&got, &batch, i, day(d))
			if wantErr != nil {
				require.Error(t, err, "%s case %d", d, i)
				assert.Equal(t, wantErr.Error(), err.Error(), "%s case %d", d, i)
				continue
			}
			require.NoError(t, err, "%s case %d", d, i)
			assert.Equal(t, string(mustJSON(t, &want)), string(mustJSON(t, &got)), "%s case %d", d, i)
		}
	}
}

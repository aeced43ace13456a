package kinds

import (
	"bufio"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
)

// TestTrimmedDirectAsGeneral: a result whose type registered a resultjson
// writer (check sync's) is written without the envelope's members, and
// without its sources for a JSON Lines record, exactly as the general
// path writes it (the whole result, then the members cut out), and hands
// over the same sources.
func TestTrimmedDirectAsGeneral(t *testing.T) {
	k, err := Find("check sync")
	require.NoError(t, err)
	var inputs [][]byte
	for _, f := range []string{"../../cmd/hubrules/testdata/check-sync.jsonl"} {
		file, err := os.Open(f)
		require.NoError(t, err)
		sc := bufio.NewScanner(file)
		for sc.Scan() {
			inputs = append(inputs, append([]byte(nil), sc.Bytes()...))
		}
		file.Close()
	}
	data, err := os.ReadFile("../../cmd/hubrules/testdata/check-sync.json")
	require.NoError(t, err)
	inputs = append(inputs, data)
	n := 0
	for _, p := range []hubrules.Programme{hubrules.Kaixuan, hubrules.Jingan, hubrules.Wuliqiao} {
		for _, day := range []string{"2002-06-30", "2024-06-30", "2026-06-30"} {
			env := Env{Programme: p, Date: hubrules.MustParseDate(day)}
			for _, in := range inputs {
				v := k.Input()
				if hubrules.DecodeJSON(in, v) != nil {
					continue
				}
				o, err := k.Eval(env, v)
				if err != nil {
					continue
				}
				tr, ok := o.Result.(Trimmed)
				require.True(t, ok, "check sync's result is trimmed")
				raw, err := hubrules.AppendResult(nil, tr.Value)
				require.NoError(t, err)
				want, err := omitMembers(raw, tr.omit)
				require.NoError(t, err)
				got, err := tr.MarshalJSON()
				require.NoError(t, err)
				require.Equal(t, string(want), string(got))

				var wantSources, gotSources []string
				raw, err = hubrules.AppendResultUnsourced(nil, tr.Value, func(rule string, s hubrules.Source) { wantSources = append(wantSources, rule) })
				require.NoError(t, err)
				want, err = omitMembers(raw, tr.omit)
				require.NoError(t, err)
				got, err = tr.AppendUnsourced([]byte("x"), func(rule string, s hubrules.Source) { gotSources = append(gotSources, rule) })
				require.NoError(t, err)
				require.Equal(t, "x"+string(want), string(got))
				require.Equal(t, wantSources, gotSources)
				n++
			}
		}
	}
	require.Greater(t, n, 10)
}

// TestDecisionBasisOwned: an outcome that owns its basis gives the
// envelope the same basis as BasisOf, holding its parameter list, and one
// that does not gives a copy.
func TestDecisionBasisOwned(t *testing.T) {
	k, err := Find("check sync")
	require.NoError(t, err)
	data, err := os.ReadFile("../../cmd/hubrules/testdata/check-sync.json")
	require.NoError(t, err)
	v := k.Input()
	require.NoError(t, hubrules.DecodeJSON(data, v))
	env := Env{Programme: hubrules.Kaixuan, Date: hubrules.MustParseDate("2026-06-30")}
	o, err := k.Eval(env, v)
	require.NoError(t, err)
	require.True(t, o.OwnBasis)
	require.NotEmpty(t, o.Report.Basis.Params)
	want := hubrules.BasisOf(o.Report.Basis, env.DateSource)
	got := decisionBasis(o, env.DateSource)
	require.Equal(t, want, got)
	require.Same(t, &o.Report.Basis.Params[0], &got.Params[0], "owned: taken as it is")
	o.OwnBasis = false
	require.NotSame(t, &o.Report.Basis.Params[0], &decisionBasis(o, env.DateSource).Params[0], "not owned: copied")
	// Two decisions of one input share nothing.
	o2, err := k.Eval(env, v)
	require.NoError(t, err)
	require.NotSame(t, &o2.Report.Basis.Params[0], &got.Params[0])
}

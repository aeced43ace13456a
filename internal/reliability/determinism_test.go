package reliability_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
)

// rendered is one evaluation as bytes: the result's JSON and its
// descriptions in both languages.
type rendered struct {
	json, zh, en string
}

func render(t testing.TB, k kinds.Kind, env kinds.Env, data []byte) (rendered, error) {
	out, err := evaluate(k, env, data)
	if err != nil {
		return rendered{}, err
	}
	b := mustJSON(t, out.Value)
	r := rendered{json: string(b)}
	if out.Describe != nil {
		r.zh, r.en = out.Describe(hubrules.ZH), out.Describe(hubrules.EN)
	}
	return r, nil
}

// Every kind's sample input gives byte-identical JSON and text evaluated
// twice in a row and from eight goroutines at once.
func TestEveryKind_SampleIsDeterministic(t *testing.T) {
	for _, k := range kinds.All() {
		t.Run(dashed(k.Name), func(t *testing.T) {
			data := sample(t, k)
			require.NotNil(t, data, "no sample input %s.json in cmd/hubrules/testdata", dashed(k.Name))
			env := envFor(k.Name)
			first, err := render(t, k, env, data)
			require.NoError(t, err)
			second, err := render(t, k, env, data)
			require.NoError(t, err)
			assert.Equal(t, first, second, "two runs in a row")

			const workers = 8
			got := make([]rendered, workers)
			errs := make([]error, workers)
			var wg sync.WaitGroup
			start := make(chan struct{})
			for i := range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					got[i], errs[i] = render(t, k, env, data)
				}()
			}
			close(start)
			wg.Wait()
			for i := range workers {
				require.NoError(t, errs[i])
				assert.Equal(t, first.json, got[i].json, "goroutine %d JSON", i)
				assert.Equal(t, first.zh, got[i].zh, "goroutine %d zh text", i)
				assert.Equal(t, first.en, got[i].en, "goroutine %d en text", i)
			}
		})
	}
}

// A bad input gives the same error every time too, field order included.
func TestBadInputs_ErrorsAreDeterministic(t *testing.T) {
	for _, c := range badCases(t) {
		a, b := c.run(t), c.run(t)
		require.Error(t, a)
		assert.Equal(t, a.Error(), b.Error(), "%s: %s", c.entry(), c.Desc)
	}
}

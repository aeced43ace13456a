package reliability_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
)

// extremes replace one leaf of a sample at a time: out-of-range numbers,
// the calendar's ends, malformed and huge amounts, wrong types, null.
var extremes = []any{
	-1, 0, int64(9223372036854775807), -9223372036854775807, 1e300, 0.5,
	"", "x", "-0.01", "99999999999999999999.99", "0001-01-01", "9999-12-31", "2024-02-29",
	true, nil, []any{}, map[string]any{},
}

// leafEdit is one path to a leaf of a JSON document and a setter.
type leafEdit struct {
	path string
	set  func(v any)
}

// leaves returns a setter for every leaf of doc, in a fixed order.
func leaves(doc any, path string, out *[]leafEdit, set func(any)) {
	switch x := doc.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sortStrings(keys)
		for _, k := range keys {
			leaves(x[k], path+"."+k, out, func(v any) { x[k] = v })
		}
	case []any:
		for i := range x {
			leaves(x[i], path+"["+strconv.Itoa(i)+"]", out, func(v any) { x[i] = v })
		}
	default:
		*out = append(*out, leafEdit{path: path, set: set})
	}
}

// Every leaf of every kind's sample, replaced by each extreme value in turn:
// no panic, and every error an *hubrules.InputError. The first maxLeaves
// leaves of each sample are tried, which keeps the test fast.
func TestEveryKind_SampleWithOneExtremeLeaf(t *testing.T) {
	const maxLeaves = 120
	for _, k := range kinds.All() {
		data := sample(t, k)
		if data == nil {
			continue
		}
		t.Run(dashed(k.Name), func(t *testing.T) {
			env := envFor(k.Name)
			var probe any
			require.NoError(t, json.Unmarshal(data, &probe))
			var edits []leafEdit
			leaves(probe, "", &edits, func(any) {})
			if len(edits) > maxLeaves {
				edits = edits[:maxLeaves]
			}
			for i := range edits {
				for _, v := range extremes {
					// A fresh document per edit.
					var doc any
					require.NoError(t, json.Unmarshal(data, &doc))
					var es []leafEdit
					leaves(doc, "", &es, func(any) {})
					es[i].set(v)
					in, err := json.Marshal(doc)
					require.NoError(t, err)
					_, err = evaluate(k, env, in)
					if err == nil {
						continue
					}
					var pe *panicError
					require.False(t, errors.As(err, &pe), "%s: panic %v\ninput: %s", k.Name, err, in)
					var ie *hubrules.InputError
					if !errors.As(err, &ie) {
						t.Errorf("%s: %s = %v gives %T, not an *hubrules.InputError: %v", k.Name, es[i].path, v, err, err)
					}
				}
			}
		})
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

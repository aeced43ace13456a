package hubrules_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hubrules/hubrules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func array(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = `{"a":[1,2]}`
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// Each limit is tested at its edge: the limit itself passes, one more fails
// with an InputError naming the limit.
func TestLimits_EachAtItsEdge(t *testing.T) {
	lim := hubrules.Limits{MaxBytes: 1 << 20, MaxDepth: 4, MaxItems: 5, MaxString: 10}
	cases := []struct {
		name, ok, over, code string
	}{
		{"items", array(5), array(6), "max_items"},
		{"depth", `[[[["x"]]]]`, `[[[[["x"]]]]]`, "max_depth"},
		{"string", `["0123456789"]`, `["0123456789A"]`, "max_string"},
		{"escaped string", `["0123456\"8"]`, `["0123456789\"0"]`, "max_string"},
		{"bytes", `"` + strings.Repeat("x", 8) + `"`, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var v any
			assert.NoError(t, hubrules.DecodeJSONLimited([]byte(c.ok), &v, lim))
			if c.over == "" {
				return
			}
			err := hubrules.DecodeJSONLimited([]byte(c.over), &v, lim)
			var ie *hubrules.InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, c.code, ie.Fields[0].Code)
			assert.NotEmpty(t, ie.Fields[0].Message.ZH)
			assert.NotEmpty(t, ie.Fields[0].Message.EN)
		})
	}
	var v any
	small := hubrules.Limits{MaxBytes: 10}
	assert.NoError(t, hubrules.DecodeJSONLimited([]byte(`"12345678"`), &v, small))
	err := hubrules.DecodeJSONLimited([]byte(`"123456789"`), &v, small)
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "max_bytes", ie.Fields[0].Code)
	assert.Equal(t, "10", ie.Fields[0].Param)

	// Items are counted per array: two arrays of 5 in one object are fine.
	assert.NoError(t, hubrules.DecodeJSONLimited([]byte(`{"x":`+array(5)+`,"y":`+array(5)+`}`), &v, lim))
	// Empty arrays and objects count nothing.
	assert.NoError(t, hubrules.DecodeJSONLimited([]byte(`[[],{},[ ],{ }, []]`), &v, lim))
	// Zero limits mean no limit.
	assert.NoError(t, hubrules.DecodeJSONLimited([]byte(array(50)), &v, hubrules.Limits{}))
	def := hubrules.DefaultLimits()
	assert.Equal(t, 100000, def.MaxItems)
	assert.Equal(t, 64<<10, def.MaxString)
}

func FuzzLimits(f *testing.F) {
	f.Add([]byte(array(3)), 2, 3, 4)
	f.Add([]byte(`{"a":"\\\"x"}`), 1, 1, 1)
	f.Add([]byte(`{"a":1,"b":{"a":2,"a":3}}`), 8, 8, 8)
	f.Add([]byte("[\"\xe4\xb8\", \"\\udc00\", \"\\ud83d\\ude00\"]"), 4, 4, 16)
	f.Add([]byte(`[99999999999999999999, -1e999, 1e400]`), 4, 4, 4)
	f.Add([]byte(strings.Repeat("[", 5000)+strings.Repeat("]", 5000)), 0, 0, 0)
	f.Add([]byte(`{`+strings.Repeat(`"k":1,`, 100)+`"k":2}`), 0, 0, 0)
	f.Add([]byte(array(60)), 3, 59, 2)
	f.Fuzz(func(t *testing.T, data []byte, depth, items, str int) {
		var v any
		lim := hubrules.Limits{MaxBytes: 1 << 16, MaxDepth: depth % 64, MaxItems: items % 64, MaxString: str % 256}
		start := time.Now()
		err := hubrules.DecodeJSONLimited(data, &v, lim)
		if d := time.Since(start); d > fuzzBound {
			t.Fatalf("decoding %d bytes took %v (bound %v)", len(data), d, fuzzBound)
		}
		var ie *hubrules.InputError
		if err != nil && (!errors.As(err, &ie) || len(ie.Fields) == 0) {
			t.Fatalf("not an InputError with fields: %v", err)
		}
	})
}

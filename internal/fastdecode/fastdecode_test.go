package fastdecode

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReaderUint(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"0", 0, true}, {" 7,", 7, true}, {"1000}", 1000, true}, {"1001", 0, false}, {"01", 0, false},
		{"-1", 0, false}, {"1.0", 0, false}, {"1e3", 0, false}, {"", 0, false}, {"x", 0, false}, {"99999999999999999999", 0, false},
	} {
		n, ok := NewReader([]byte(c.in), Limits{}).Uint(1000)
		require.Equal(t, c.ok, ok, "%q", c.in)
		require.Equal(t, c.want, n, "%q", c.in)
	}
}

func TestReaderStringBool(t *testing.T) {
	for _, c := range []struct {
		in string
		ok bool
	}{
		{`"abc"`, true}, {`"凯旋"`, true}, {`""`, true}, {`"a\"b"`, false}, {`"a\u0041"`, false}, {"\"a\x01\"", false},
		{"\"\xff\"", false}, {`"abc`, false}, {`abc"`, false}, {`"abcd"`, false}, // over MaxString 3
	} {
		s, ok := NewReader([]byte(c.in), Limits{MaxString: 3 * 3}).String()
		if c.in == `"abcd"` {
			s, ok = NewReader([]byte(c.in), Limits{MaxString: 3}).String()
		}
		require.Equal(t, c.ok, ok, "%q", c.in)
		if ok {
			require.Equal(t, c.in[1:len(c.in)-1], string(s))
		}
	}
	for in, want := range map[string]int{"true": 1, " false ": 0, "tru": -1, "truex": -1, "null": -1, "True": -1} {
		v, ok := NewReader([]byte(in), Limits{}).Bool()
		require.Equal(t, want >= 0, ok, "%q", in)
		require.Equal(t, want == 1, v, "%q", in)
	}
}

func TestReaderCompositesAndLimits(t *testing.T) {
	require.Nil(t, NewReader([]byte("[1]"), Limits{MaxBytes: 2}))
	r := NewReader([]byte(` [ [ ] , [ ] ] `), Limits{MaxDepth: 2})
	require.True(t, r.Open('['))
	require.True(t, r.Open('['))
	require.True(t, r.Close(']'))
	require.True(t, r.Comma())
	require.True(t, r.Open('['))
	require.True(t, r.Close(']'))
	require.True(t, r.Close(']'))
	require.True(t, r.End())
	r = NewReader([]byte(`[[[`), Limits{MaxDepth: 2})
	require.True(t, r.Open('['))
	require.True(t, r.Open('['))
	require.False(t, r.Open('['), "a third level is over MaxDepth 2")
	r = NewReader([]byte(`{"a" : 1} x`), Limits{})
	require.True(t, r.Open('{'))
	k, ok := r.Key()
	require.True(t, ok)
	require.Equal(t, "a", string(k))
	_, ok = r.Uint(9)
	require.True(t, ok)
	require.True(t, r.Close('}'))
	require.False(t, r.End(), "trailing data")
	require.True(t, r.Count(5))
	require.False(t, NewReader(nil, Limits{MaxItems: 4}).Count(5))
}

package jsonw

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestStringAsMarshal(t *testing.T) {
	for _, s := range []string{"", "plain", "凯旋街道", "<a href=\"x\">&amp;</a>", "tab\there\nnew\rline\b\f\x00\x1f\x7f",
		"back\\slash", "\u2028\u2029", "bad \xff utf8 \xed\xa0\x80 \xc3", "emoji 😀", "\u00e9"} {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, string(want), string(String(nil, s)), "%q", s)
	}
}

func FuzzString(f *testing.F) {
	f.Add("凯旋 <&> \u2028 \xff")
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, string(want), string(String(nil, s)))
	})
}

func TestOthers(t *testing.T) {
	require.Equal(t, `,"a":`, string(Key(nil, "a", false)))
	require.Equal(t, `"a":`, string(Key(nil, "a", true)))
	require.Equal(t, "truefalse", string(Bool(Bool(nil, true), false)))
	require.Equal(t, "-12", string(Int(nil, -12)))
	require.Equal(t, "null", string(Strings(nil, nil)))
	require.Equal(t, `[]`, string(Strings(nil, []string{})))
	require.Equal(t, `["a","\u003c"]`, string(Strings(nil, []string{"a", "<"})))
}

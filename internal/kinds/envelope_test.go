package kinds

import (
	"encoding/json"
	"testing"
)

// TestOmitMembers: the one-pass omitter keeps every other member byte for
// byte, in order, through strings holding quotes, backslashes, braces and
// commas, nested objects and arrays; it leaves non-objects alone and
// refuses (without panicking) bytes that are not compact JSON.
func TestOmitMembers(t *testing.T) {
	for _, c := range []struct {
		in    string
		paths []string
		want  string
	}{
		{`{"a":1,"basis":{"x":[1,2]},"b":"q\"},{\\"}`, []string{"basis"}, `{"a":1,"b":"q\"},{\\"}`},
		{`{"basis":1}`, []string{"basis"}, `{}`},
		{`{"basis":1,"a":true}`, []string{"basis"}, `{"a":true}`},
		{`{"a":[{"b":1},{"c":"]"}],"d":null}`, []string{"d"}, `{"a":[{"b":1},{"c":"]"}]}`},
		{`{"decision":{"basis":{"p":[]},"grade":"A"},"basis":2,"z":-1.5e3}`, []string{"decision.basis", "basis"}, `{"decision":{"grade":"A"},"z":-1.5e3}`},
		{`{"decision":"x"}`, []string{"decision.basis"}, `{"decision":"x"}`},
		{`{}`, []string{"basis"}, `{}`},
		{`[1,2]`, []string{"basis"}, `[1,2]`},
		{`"text"`, []string{"basis"}, `"text"`},
	} {
		got, err := omitMembers([]byte(c.in), c.paths)
		if err != nil || string(got) != c.want {
			t.Errorf("omitMembers(%s, %v) = %s, %v; want %s", c.in, c.paths, got, err, c.want)
		}
		if !json.Valid(got) {
			t.Errorf("omitMembers(%s) wrote invalid JSON %s", c.in, got)
		}
	}
	for _, bad := range []string{`{"a"`, `{"a":`, `{"a":"x`, `{"a":[1,2`, `{"a" 1}`, `{`} {
		if got, err := omitMembers([]byte(bad), []string{"b"}); err == nil {
			t.Errorf("omitMembers(%s) = %s, want an error", bad, got)
		}
	}
}

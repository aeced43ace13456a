package reliability_test

import (
	"errors"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
)

// FuzzKinds picks a kind by index and feeds it arbitrary bytes: decoding and
// evaluating must never panic, and every error must be an
// *hubrules.InputError with a code and messages in both languages.
// The seeds are every kind's sample and the catalogue's bad inputs.
func FuzzKinds(f *testing.F) {
	all := kinds.All()
	index := map[string]int{}
	for i, k := range all {
		index[k.Name] = i
		if data := sample(f, k); data != nil {
			f.Add(uint8(i), data)
		}
		f.Add(uint8(i), []byte(`{}`))
		f.Add(uint8(i), []byte(`null`))
	}
	for _, c := range badCases(f) {
		if i, ok := index[c.Kind]; ok {
			f.Add(uint8(i), []byte(c.Input))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		k := all[int(which)%len(all)]
		_, err := evaluate(k, envFor(k.Name), data)
		if err == nil {
			return
		}
		var pe *panicError
		if errors.As(err, &pe) {
			t.Fatalf("%s panicked: %v\ninput: %q", k.Name, pe.value, data)
		}
		var ie *hubrules.InputError
		if !errors.As(err, &ie) {
			t.Fatalf("%s: not an *hubrules.InputError but %T: %v\ninput: %q", k.Name, err, err, data)
		}
		for _, fe := range ie.Fields {
			if fe.Code == "" || fe.Message.ZH == "" || fe.Message.EN == "" {
				t.Fatalf("%s: field without code or message %+v\ninput: %q", k.Name, fe, data)
			}
		}
	})
}

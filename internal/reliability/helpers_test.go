package reliability_test

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
)

var update = flag.Bool("update", false, "rewrite docs/bad-input.md")

// samplesDir holds one sample input per kind, named after the kind with
// dashes ("check-sync.json").
var samplesDir = filepath.Join("..", "..", "cmd", "hubrules", "testdata")

// fallbackEnv is the environment of a kind the CLI's sample table does not
// name.
var fallbackEnv = kinds.Env{Programme: hubrules.National, Date: hubrules.MustParseDate("2024-12-31")}

var (
	envOnce sync.Once
	envs    map[string]kinds.Env
)

// envFor returns the programme and date the CLI's own tests run a kind's
// sample with (read from cmd/hubrules/main_test.go, so a new kind's sample
// is picked up), else national on 2024-12-31.
func envFor(kind string) kinds.Env {
	envOnce.Do(func() {
		envs = map[string]kinds.Env{}
		src, err := os.ReadFile(filepath.Join("..", "..", "cmd", "hubrules", "main_test.go"))
		if err != nil {
			return
		}
		re := regexp.MustCompile(`"([a-z-]+)":\s*\{\[\]string\{[^}]*?"--programme", "([a-z]+)", "--date", "(\d{4}-\d{2}-\d{2})"`)
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			p, err := hubrules.ParseProgramme("programme", m[2])
			if err != nil {
				continue
			}
			d, err := hubrules.ParseDate(m[3])
			if err != nil {
				continue
			}
			envs[strings.ReplaceAll(m[1], "-", " ")] = kinds.Env{Programme: p, Date: d}
		}
	})
	if e, ok := envs[kind]; ok {
		return e
	}
	return fallbackEnv
}

func dashed(kind string) string { return strings.ReplaceAll(kind, " ", "-") }

// sample returns a kind's sample input, or nil when it has none.
func sample(t testing.TB, k kinds.Kind) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(samplesDir, dashed(k.Name)+".json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	require.NoError(t, err)
	return data
}

// evaluate decodes data into the kind's input and evaluates it, turning a
// panic into an error that names it.
func evaluate(k kinds.Kind, env kinds.Env, data []byte) (out kinds.Outcome, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &panicError{value: r}
		}
	}()
	in := k.Input()
	if err := hubrules.DecodeJSON(data, in); err != nil {
		return kinds.Outcome{}, err
	}
	return k.Eval(env, in)
}

// evalJSON evaluates data and returns the result as JSON.
func evalJSON(k kinds.Kind, env kinds.Env, data []byte) ([]byte, error) {
	out, err := evaluate(k, env, data)
	if err != nil {
		return nil, err
	}
	return json.Marshal(out.Value)
}

type panicError struct{ value any }

func (p *panicError) Error() string { return "panic: " + toString(p.value) }

func toString(v any) string {
	switch x := v.(type) {
	case error:
		return x.Error()
	case string:
		return x
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// mustJSON marshals v or fails.
func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

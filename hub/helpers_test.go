package hub_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

var asOf = hubrules.MustParseDate("2024-06-30")

func checker(t testing.TB, p hubrules.Programme) *hub.Checker {
	t.Helper()
	c, err := hub.NewChecker(p, hubrules.MustParseDate("2024-01-01"))
	require.NoError(t, err)
	return c
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return data
}

// inputError asserts err is an *InputError with a field at path, with both
// a Chinese and an English message.
func inputError(t *testing.T, err error, path string) {
	t.Helper()
	require.Error(t, err)
	require.True(t, errors.Is(err, hubrules.ErrInvalidInput))
	var ie *hubrules.InputError
	require.True(t, errors.As(err, &ie))
	f, ok := ie.Field(path)
	require.True(t, ok, "no field %q in %v", path, ie.Fields)
	require.NotEmpty(t, f.Message.ZH)
	require.NotEmpty(t, f.Message.EN)
}

// requireField asserts that err is an *InputError naming path.
func requireField(t *testing.T, err error, path string) {
	t.Helper()
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	_, ok := ie.Field(path)
	assert.True(t, ok, ie.Error())
}

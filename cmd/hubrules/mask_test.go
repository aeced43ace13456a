package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const incubateActor = "凯旋街道社会组织服务中心"

func incubateArgs(extra ...string) []string {
	return append([]string{"incubate", "--programme", "kaixuan", "--date", "2024-03-01", "--in", "testdata/incubate.json"}, extra...)
}

func TestMask_RemovesOrHashesPersonalFieldsOfTheOutput(t *testing.T) {
	code, out, _ := runCLI(t, "", incubateArgs()...)
	require.Equal(t, exitOK, code)
	require.Contains(t, out, incubateActor, "the sample's history names its actor")

	code, out, errOut := runCLI(t, "", incubateArgs("--mask", "remove")...)
	require.Equal(t, exitOK, code, errOut)
	assert.NotContains(t, out, incubateActor)
	assert.NotContains(t, out, `"actor"`, "a removed field is left out")
	assert.Contains(t, out, `"subject": "kaixuan-neighbours-care"`, "other fields stay")

	dir := t.TempDir()
	key := filepath.Join(dir, "key")
	require.NoError(t, os.WriteFile(key, []byte("district secret\n"), 0o600))
	code, hashed, errOut := runCLI(t, "", incubateArgs("--mask", "hash", "--mask-key-file", key)...)
	require.Equal(t, exitOK, code, errOut)
	assert.NotContains(t, hashed, incubateActor)
	assert.Contains(t, hashed, `"actor": "masked:`)
	_, again, _ := runCLI(t, "", incubateArgs("--mask", "hash", "--mask-key-file", key)...)
	assert.Equal(t, hashed, again, "the hash is stable for one key")
	other := filepath.Join(dir, "other")
	require.NoError(t, os.WriteFile(other, []byte("another secret"), 0o600))
	_, third, _ := runCLI(t, "", incubateArgs("--mask", "hash", "--mask-key-file", other)...)
	assert.NotEqual(t, hashed, third, "the hash depends on the key")
}

func TestMask_BadOptionsAreUsageErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big")
	require.NoError(t, os.WriteFile(big, []byte(strings.Repeat("k", 5000)), 0o600))
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.WriteFile(empty, []byte("\n"), 0o600))
	key := filepath.Join(dir, "key")
	require.NoError(t, os.WriteFile(key, []byte("k"), 0o600))
	cases := []struct {
		args []string
		says string
	}{
		{[]string{"--mask", "hash"}, "--mask-key-file"},
		{[]string{"--mask", "scramble"}, "--mask"},
		{[]string{"--mask-key-file", key}, "--mask hash"},
		{[]string{"--mask", "hash", "--mask-key-file", big}, "4096"},
		{[]string{"--mask", "hash", "--mask-key-file", empty}, "empty"},
		{[]string{"--mask", "hash", "--mask-key-file", filepath.Join(dir, "none")}, "--mask-key-file"},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases = append(cases, struct {
			args []string
			says string
		}{[]string{"--mask", "hash", "--mask-key-file", "/dev/zero"}, "4096"})
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, "", incubateArgs(c.args...)...)
		assert.Equal(t, exitInput, code, c.args)
		assert.Empty(t, out, c.args)
		assert.Contains(t, errOut, `"code":"usage"`, c.args)
		assert.Contains(t, errOut, c.says, c.args)
	}
}

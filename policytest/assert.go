package policytest

import (
	"fmt"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/stretchr/testify/require"
)

// Reporter is any result that can give its explained report: a
// hubrules.Report itself or a package result with a Report method.
type Reporter interface{ Report() hubrules.Report }

type reportValue hubrules.Report

func (r reportValue) Report() hubrules.Report { return hubrules.Report(r) }

// AsReport wraps a hubrules.Report so that it satisfies Reporter.
func AsReport(r hubrules.Report) Reporter { return reportValue(r) }

func reportOf(v any) (hubrules.Report, bool) {
	switch r := v.(type) {
	case hubrules.Report:
		return r, true
	case *hubrules.Report:
		return *r, true
	case Reporter:
		return r.Report(), true
	}
	return hubrules.Report{}, false
}

// RequireCompliant fails the test now unless result (a hubrules.Report or a
// Reporter) has no violation; the message lists every finding.
func RequireCompliant(t require.TestingT, result any, msgAndArgs ...any) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	r, ok := reportOf(result)
	require.True(t, ok, "policytest: %T is not a hubrules.Report or Reporter", result)
	if !r.Compliant() {
		require.Fail(t, "not compliant:\n"+describeFindings(r), msgAndArgs...)
	}
}

// RequireFinding fails the test now unless result has a violation or
// warning of rule id; it returns the first such finding for more checks.
func RequireFinding(t require.TestingT, result any, id string, msgAndArgs ...any) hubrules.Finding {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	r, ok := reportOf(result)
	require.True(t, ok, "policytest: %T is not a hubrules.Report or Reporter", result)
	fs := r.FindingsFor(id)
	if len(fs) == 0 {
		require.Fail(t, fmt.Sprintf("no finding of %s; the findings are:\n%s", id, describeFindings(r)), msgAndArgs...)
		return hubrules.Finding{}
	}
	return fs[0]
}

// RequireNoFinding fails the test now if result has any finding of rule id.
func RequireNoFinding(t require.TestingT, result any, id string, msgAndArgs ...any) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	r, ok := reportOf(result)
	require.True(t, ok, "policytest: %T is not a hubrules.Report or Reporter", result)
	if fs := r.FindingsFor(id); len(fs) > 0 {
		require.Fail(t, fmt.Sprintf("unexpected finding of %s: %s", id, fs[0].Describe(hubrules.EN)), msgAndArgs...)
	}
}

// RequireGrade fails the test now unless got is want.
func RequireGrade(t require.TestingT, got, want hubrules.Grade, msgAndArgs ...any) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if got != want {
		require.Fail(t, fmt.Sprintf("grade: got %q, want %q", got, want), msgAndArgs...)
	}
}

// RequireAmount fails the test now unless got (a decimal, a Money, any
// fmt.Stringer or string) equals the amount want written in yuan ("1500.00"
// or "1500" — compared as exact decimals, never as floats).
func RequireAmount(t require.TestingT, got any, want string, msgAndArgs ...any) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	var s string
	switch v := got.(type) {
	case string:
		s = v
	case fmt.Stringer:
		s = v.String()
	default:
		require.Fail(t, fmt.Sprintf("policytest: %T is not an amount", got), msgAndArgs...)
		return
	}
	if !sameAmount(s, want) {
		require.Fail(t, fmt.Sprintf("amount: got %s, want %s", s, want), msgAndArgs...)
	}
}

// sameAmount compares two decimal strings exactly ("1500" equals "1500.00").
func sameAmount(a, b string) bool { return normAmount(a) == normAmount(b) }

func normAmount(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", ""))
	s = strings.TrimSuffix(strings.TrimSuffix(s, "元"), "yuan")
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	intPart, frac, _ := strings.Cut(s, ".")
	intPart = strings.TrimLeft(intPart, "0")
	frac = strings.TrimRight(frac, "0")
	if intPart == "" {
		intPart = "0"
	}
	out := intPart
	if frac != "" {
		out += "." + frac
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out
}

func describeFindings(r hubrules.Report) string {
	if len(r.Findings) == 0 {
		return "  (none)"
	}
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString("  ")
		b.WriteString(f.Describe(hubrules.EN))
		b.WriteString("\n")
	}
	return b.String()
}

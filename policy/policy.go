// Package policy holds the organisation's audit policy: retention periods and
// thresholds the checks measure against. Every setting has a documented
// default that names its source; a policy file overrides them.
package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"

	"gopkg.in/yaml.v3"
)

// Policy is the set of settings the checks use.
type Policy struct {
	Retention Retention `yaml:"retention"`
}

// Retention periods, measured from the end of care (or, for invoices, from the
// end of the invoice's year).
type Retention struct {
	PortalMonths     int `yaml:"portal_months"`
	TrackingMonths   int `yaml:"tracking_months"`
	AdminBSNMonths   int `yaml:"admin_bsn_months"`
	AdminRecordYears int `yaml:"admin_record_years"`
	InvoiceYears     int `yaml:"invoice_years"`
}

// Default is the policy used when no policy file is given.
func Default() Policy {
	return Policy{Retention: Retention{
		PortalMonths:     24,
		TrackingMonths:   24,
		AdminBSNMonths:   24,
		AdminRecordYears: 7,
		InvoiceYears:     7,
	}}
}

// Param is one setting as the checks see it: a DuckDB variable.
type Param struct {
	Name  string // variable name, read in SQL with getvariable('name')
	Value int
	Doc   string // what it is and where the default comes from
}

// Params lists the settings in a fixed order.
func (p Policy) Params() []Param {
	r := p.Retention
	return []Param{
		{"retention_portal_months", r.PortalMonths, "months after care ended that parent-portal data may be kept (default 24: 2 jaar na einde opvang — voormalig Vrijstellingsbesluit Wbp art. 18 lid 5, in de sector de gangbare norm)"},
		{"retention_tracking_months", r.TrackingMonths, "months after care ended that child-tracking data may be kept (default 24: same sector norm)"},
		{"retention_admin_bsn_months", r.AdminBSNMonths, "months after care ended that the administration may keep the child's BSN (default 24: needed only for the childcare benefit, UAVG art. 46)"},
		{"retention_admin_record_years", r.AdminRecordYears, "years after care ended that the administration's child record may be kept (default 7: fiscale bewaarplicht, AWR art. 52)"},
		{"retention_invoice_years", r.InvoiceYears, "years after the end of the invoice's year that invoices may be kept (default 7: fiscale bewaarplicht, AWR art. 52)"},
	}
}

// Names lists the names of all settings.
func (p Policy) Names() map[string]bool {
	names := map[string]bool{}
	for _, prm := range p.Params() {
		names[prm.Name] = true
	}
	return names
}

// ParseBytes is Parse on a file's contents.
func ParseBytes(data []byte) (Policy, error) { return Parse(bytes.NewReader(data)) }

// Parse reads a policy file over the defaults: settings it leaves out keep
// their default. Unknown keys and negative periods are errors.
func Parse(r io.Reader) (Policy, error) {
	p := Default()
	data, err := io.ReadAll(r)
	if err != nil {
		return p, fmt.Errorf("read policy: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil && !errors.Is(err, io.EOF) {
		return p, fmt.Errorf("policy: %w (allowed: retention.portal_months, tracking_months, admin_bsn_months, admin_record_years, invoice_years)", err)
	}
	for _, prm := range p.Params() {
		if prm.Value < 0 {
			return p, fmt.Errorf("policy: %s is %d; a period must be 0 or more", prm.Name, prm.Value)
		}
	}
	return p, nil
}

// String renders a setting's value for reports.
func (p Param) String() string { return strconv.Itoa(p.Value) }

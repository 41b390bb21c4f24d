"""Payroll and HR: employees, compensation plans, benefits, pay runs and payslips."""

"""Riskbedömningsmatris: rows are consequence 1 (minor) to 4 (catastrophic), columns likelihood
1 (very low) to 4 (very high); the value is the risk class R1–R4."""

RISK_MATRIX = {
    4: (2, 3, 4, 4),
    3: (2, 2, 3, 4),
    2: (1, 2, 2, 3),
    1: (1, 2, 2, 2),
}


def risk_class(consequence: int, likelihood: int) -> str:
    return f"R{RISK_MATRIX[consequence][likelihood - 1]}"

"""Sale and leaseback transactions for indenture-1996 def/AttributableDebt and def/RefinancingSaleAndLeasebackTransaction
(SYNTHETIC: the transaction, the property and its figures are invented; no public source records a sale and leaseback of
the group under the Indenture).

One sale and leaseback of an administrative building at Trentwood on 1999-09-30: Fair Market Value $18,000,000, a
ten-year lease with twenty semi-annual rentals of $1,250,000 in arrears. Its Attributable Debt, the greater of the Fair
Market Value and the rentals' present value at 10 7/8% compounded semi-annually ($15,015,744.77), is $18,000,000: far
below $100,000,000, so it cannot be a Refinancing Sale and Leaseback Transaction, and the Company does not designate it.
It is an Asset Sale [Indenture § 1.01, “Asset Sale”].
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal


def rows() -> list[dict[str, object]]:
    return [
        {
            "transaction_id": "SLB-1999-TRENTWOOD-ADMIN",
            "transaction_date": date(1999, 9, 30),
            "seller_entity_id": "KACC",
            "property": "Trentwood administrative building (synthetic)",
            "fair_market_value": Decimal("18000000.00"),
            "lease_term_months": Decimal("120"),
            "periodic_rental": Decimal("1250000.00"),
            "payments_per_year": Decimal("2"),
            "number_of_payments": Decimal("20"),
            "designated_as_rslt": False,
            "trustee_notice_date": None,
        }
    ]

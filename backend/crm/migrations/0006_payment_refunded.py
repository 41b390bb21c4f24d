from tortoise import migrations
from tortoise.migrations import operations as ops
from crm.orders.models import PaymentStatus
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('crm', '0005_line_currency')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='Order',
            name='payment_status',
            field=fields.CharEnumField(default=PaymentStatus.UNPAID, description='UNPAID: unpaid\nPARTIALLY_PAID: partially_paid\nPAID: paid\nREFUNDED: refunded', enum_type=PaymentStatus, max_length=20),
        ),
    ]

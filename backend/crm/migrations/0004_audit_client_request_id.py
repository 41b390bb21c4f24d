from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('crm', '0003_orders_stock')]

    initial = False

    operations = [
        ops.AddField(
            model_name='AuditEvent',
            name='client_request_id',
            field=fields.CharField(null=True, max_length=64),
        ),
    ]

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('crm', '0004_audit_client_request_id')]

    initial = False

    operations = [
        ops.AddField(
            model_name='OrderLine',
            name='currency',
            field=fields.CharField(default='CNY', max_length=3),
        ),
        ops.AddField(
            model_name='ReturnRequest',
            name='currency',
            field=fields.CharField(default='CNY', max_length=3),
        ),
        # Lines and returns made before this carry their order's currency.
        ops.RunSQL(
            [
                'UPDATE "order_line" SET "currency" = (SELECT o."currency" FROM "sales_order" o '
                'WHERE o."id" = "order_line"."order_id")',
                'UPDATE "return_request" SET "currency" = (SELECT o."currency" FROM "sales_order" o '
                'WHERE o."id" = "return_request"."order_id")',
            ],
            reverse_sql=[],
        ),
    ]

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('crm', '0009_customer_name_sort')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='Shipment',
            index=Index(fields=['workspace_id', 'status', 'created_at']),
        ),
        ops.AddIndex(
            model_name='Shipment',
            index=Index(fields=['workspace_id', 'created_at']),
        ),
        ops.AddIndex(
            model_name='Shipment',
            index=Index(fields=['workspace_id', 'shipped_at']),
        ),
        ops.AddIndex(
            model_name='Shipment',
            index=Index(fields=['workspace_id', 'warehouse_id']),
        ),
        ops.AddIndex(
            model_name='Shipment',
            index=Index(fields=['workspace_id', 'carrier']),
        ),
        ops.AddIndex(
            model_name='Shipment',
            index=Index(fields=['workspace_id', 'tracking_number']),
        ),
    ]

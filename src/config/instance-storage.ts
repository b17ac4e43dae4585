// Training instance families with local NVMe instance storage. SageMaker mounts that storage instead of an EBS volume,
// the instance encrypts it with a hardware module, and CreateTrainingJob refuses ResourceConfig.VolumeKmsKeyId with
// any of these types. Sources: SageMaker API reference, ResourceConfig (VolumeKmsKeyId and VolumeSizeInGB, which name
// ml.p4d, ml.g4dn and ml.g5 as NVMe families), and the EC2 instance type specifications ("Instance store volumes") for
// the families of src/config/training-instance-types.ts. A family missing here is only checked by the service.

const INSTANCE_STORAGE_FAMILIES: readonly string[] = [
  'ml.g4dn',
  'ml.g5',
  'ml.g6',
  'ml.g6e',
  'ml.p3dn',
  'ml.p4d',
  'ml.p4de',
  'ml.p5',
  'ml.p5e',
  'ml.p5en',
  'ml.p6-b200',
  'ml.p6-b300',
  'ml.p6e-gb200',
  'ml.r5d',
  'ml.trn1',
  'ml.trn1n',
  'ml.trn2',
];

/** Whether an `ml.<family>.<size>` type has local NVMe instance storage (and so cannot take a volume KMS key). */
export function hasInstanceStorage(instanceType: string): boolean {
  const family = instanceType.split('.').slice(0, 2).join('.');
  return INSTANCE_STORAGE_FAMILIES.includes(family);
}
